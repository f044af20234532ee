import { useEffect, useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import type { Department } from '@contract'
import { listDepartments } from '@/services/account/departments'
import { hasRole, type Me } from './me'
import { monthOf } from '@/lib/china-time'
import { shortDeptName } from './regions'

/**
 * The department filter of a supervisor's search (`dept-picker`): 全部部门 or one of the
 * city's departments. Nothing for a department admin, who sees only their own.
 */
export function DeptFilter({ me, value, onChange }: { me: Me; value: string; onChange: (deptId: string) => void }) {
  const [depts, setDepts] = useState<Department[]>([])
  const supervisor = hasRole(me, 'supervisor')
  useEffect(() => {
    if (!supervisor) return
    void listDepartments({}).then((res) => {
      if (res.ok) setDepts(res.data.items)
    })
  }, [supervisor])
  if (!supervisor) return null
  const options = [{ id: '', name: '全部部门' }, ...depts]
  const idx = Math.max(
    0,
    options.findIndex((d) => d.id === value),
  )
  return (
    <Picker mode='selector' range={options.map((d) => d.name)} value={idx} onChange={(e) => onChange(options[Number(e.detail.value)].id)}>
      <View className='sv-scope' id='dept-picker'>
        <Text>部门：{shortDeptName(options[idx].name)}</Text>
        <Text className='sv-scope__more'>选择 ›</Text>
      </View>
    </Picker>
  )
}

/** The month a search looks at: the page's `month` parameter, or this month once `me` is known. */
export function useSearchMonth(me: Me | null, initial: string | undefined): [string, (m: string) => void] {
  const [month, setMonth] = useState(initial ?? '')
  useEffect(() => {
    if (me && !month) setMonth(monthOf(me.today.date))
  }, [me, month])
  return [month, setMonth]
}
