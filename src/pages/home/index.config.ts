export default definePageConfig({
  navigationBarTitleText: '企检码',
  enablePullDownRefresh: true,
})
