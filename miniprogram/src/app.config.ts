import { routes, tabRoutes, type TabRoute } from './routes';

const TAB_TEXT: Record<TabRoute, string> = { [routes.home]: '首页', [routes.mine]: '我的' };

export default defineAppConfig({
  pages: Object.values(routes),
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f6f3ef',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '知客优选',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#8c8078',
    selectedColor: '#7a5c46',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: tabRoutes.map((pagePath) => ({
      pagePath,
      text: TAB_TEXT[pagePath],
      iconPath: `assets/tab/${pagePath.split('/')[1]}.png`,
      selectedIconPath: `assets/tab/${pagePath.split('/')[1]}-active.png`,
    })),
  },
});
