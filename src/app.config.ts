/**
 * App config: a small main package (home + the two bind pages); each role's pages live
 * in their own subpackage, loaded only when that role opens them.
 */
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/bind-officer/index', 'pages/bind-company/index', 'pages/messages/index'],
  subPackages: [
    {
      root: 'officer',
      name: 'officer',
      pages: [
        'scan/index',
        'preview/index',
        'my-inspections/index',
        'record-result/index',
        'rating-code/index',
        'cert-card/index',
        'inspection/index',
        'plans/index',
        'backfill/index',
      ],
    },
    {
      root: 'enterprise',
      name: 'enterprise',
      pages: ['verify-officer/index', 'rate/index', 'inspections/index', 'inspection/index', 'complain/index', 'complaints/index', 'ledger/index'],
    },
    {
      root: 'supervisor',
      name: 'supervisor',
      pages: [
        'dashboard/index',
        'alerts/index',
        'plans/index',
        'exceptions/index',
        'complaints/index',
        'report/index',
        'roster/index',
        'inspections/index',
        'inspection/index',
        'ledger/index',
        'service-visits/index',
      ],
    },
  ],
  window: {
    navigationBarTitleText: '企检码',
    navigationBarBackgroundColor: '#1F4E9E',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F2F4F8',
    backgroundTextStyle: 'dark',
  },
  lazyCodeLoading: 'requiredComponents',
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于核验执法人员是否在企业现场' },
  },
})
