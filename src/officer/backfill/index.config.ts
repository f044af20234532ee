export default definePageConfig({ navigationBarTitleText: '补录入企检查' })
