export default definePageConfig({ navigationBarTitleText: '月度通报' })
