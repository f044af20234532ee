export default definePageConfig({ navigationBarTitleText: '例外审核' })
