import { useState } from 'react'
import { Text } from '@tarojs/components'
// Shared components in one (alphabetical) order, as every other page loads them, so their
// CSS keeps one order across chunks (mini-css-extract-plugin "Conflicting order").
import '@/components/ChoiceList'
import { ErrorBox } from '@/components/ErrorBox'
import '@/components/FormField'
import { PageShell } from '@/components/PageShell'
import { MeWaiting } from '../lib/MeWaiting'
import { SegmentTabs } from '@/components/SegmentTabs'
import '@/components/StatusBadge'
import { hasRole, useMe } from '../lib/me'
import { CompaniesTab } from './CompaniesTab'
import { DepartmentsTab } from './DepartmentsTab'
import { OfficersTab } from './OfficersTab'
import '../lib/supervisor.css'
import './index.css'

type Tab = 'departments' | 'companies' | 'officers'

/** 名册管理: departments, companies (gate-code posters, bind codes), officers (certificates, bind codes). */
export default function Roster() {
  const meState = useMe()
  const [tab, setTab] = useState<Tab | null>(null)
  if (meState.status !== 'ready') return <MeWaiting id='page-roster' state={meState} />
  const me = meState.me
  const admin = hasRole(me, 'admin')
  const supervisor = hasRole(me, 'supervisor')
  const deptAdmin = hasRole(me, 'deptAdmin')
  if (!admin && !supervisor && !deptAdmin)
    return (
      <PageShell id='page-roster'>
        <ErrorBox message='仅系统管理员、执法单位管理员和监督人员可查看名册' />
      </PageShell>
    )

  const tabs: { key: Tab; label: string }[] = admin
    ? [
        { key: 'departments', label: '执法部门' },
        { key: 'companies', label: '企业' },
        { key: 'officers', label: '执法人员' },
      ]
    : [{ key: 'officers', label: deptAdmin ? '本单位执法人员' : '执法人员' }]
  const current = tab ?? tabs[0].key
  return (
    <PageShell id='page-roster'>
      {tabs.length > 1 ? (
        <SegmentTabs id='roster-tabs' segments={tabs} value={current} onChange={(k) => setTab(k as Tab)} />
      ) : (
        <Text className='sv-section__title'>{tabs[0].label}</Text>
      )}
      {current === 'departments' ? <DepartmentsTab canEdit={admin} /> : null}
      {current === 'companies' ? <CompaniesTab canEdit={admin} /> : null}
      {current === 'officers' ? (
        <OfficersTab
          fixedDeptId={!admin && !supervisor ? me.user?.deptId : undefined}
          canSetStatus={admin || supervisor}
          canAdd={admin || deptAdmin}
          today={me.today.date}
        />
      ) : null}
    </PageShell>
  )
}
