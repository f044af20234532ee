export default definePageConfig({ navigationBarTitleText: '监测点台账' })
