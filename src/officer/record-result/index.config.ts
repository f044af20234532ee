export default definePageConfig({ navigationBarTitleText: '录入检查结果' })
