export default definePageConfig({ navigationBarTitleText: '绑定执法证' })
