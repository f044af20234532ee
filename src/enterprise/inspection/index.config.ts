export default definePageConfig({ navigationBarTitleText: '检查告知' })
