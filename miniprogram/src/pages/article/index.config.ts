export default definePageConfig({
  navigationBarTitleText: '好物研究所',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
