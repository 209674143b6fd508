import { routes } from './routes';

export default defineAppConfig({
  pages: Object.values(routes),
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f6f3ef',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '知客优选',
    navigationBarTextStyle: 'black',
  },
});
