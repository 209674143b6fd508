export default definePageConfig({
  navigationBarTitleText: '知客优选',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
