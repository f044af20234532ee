export default definePageConfig({ navigationBarTitleText: '入企登记' })
