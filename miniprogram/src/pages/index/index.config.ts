export default definePageConfig({
  navigationBarTitleText: '知客优选',
});
