export default definePageConfig({ navigationBarTitleText: '检查查询' })
