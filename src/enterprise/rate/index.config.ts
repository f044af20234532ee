export default definePageConfig({ navigationBarTitleText: '评价本次检查' })
