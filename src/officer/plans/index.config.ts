export default definePageConfig({ navigationBarTitleText: '本部门检查计划' })
