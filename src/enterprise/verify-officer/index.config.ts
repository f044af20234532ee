export default definePageConfig({ navigationBarTitleText: '核验执法人员' })
