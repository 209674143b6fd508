export default definePageConfig({
  navigationBarTitleText: '专属邀请',
});
