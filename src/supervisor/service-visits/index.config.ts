export default definePageConfig({ navigationBarTitleText: '入企服务' })
