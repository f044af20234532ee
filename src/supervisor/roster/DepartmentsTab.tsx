import { useEffect, useState } from 'react'
import { View, Text, Button, Picker } from '@tarojs/components'
import type { Department } from '@contract'
import { listDepartments } from '@/services/account/departments'
import { upsertDepartment } from '@/services/account/upsert-department'
import { ErrorBox } from '@/components/ErrorBox'
import { FormField } from '@/components/FormField'
import { Loading } from '@/components/Loading'
import { regionName, useRegions } from '../lib/regions'

/** 执法部门: the departments by region, and a form to add one (admin). */
export function DepartmentsTab({ canEdit }: { canEdit: boolean }) {
  const [items, setItems] = useState<Department[] | null>(null)
  const [error, setError] = useState('')
  const [adding, setAdding] = useState(false)
  const [name, setName] = useState('')
  const [field, setField] = useState('')
  const [regionIdx, setRegionIdx] = useState(0)
  const [notice, setNotice] = useState('')
  const regions = useRegions()
  const picked = regions[Math.min(regionIdx, regions.length - 1)]

  const load = async () => {
    const res = await listDepartments({})
    if (!res.ok) return setError(res.error.message)
    setItems(res.data.items)
  }
  useEffect(() => {
    void load()
  }, [])

  const save = async () => {
    if (!name.trim() || !field.trim()) return setError('请填写部门名称和执法领域')
    if (!picked) return setError('地区列表尚未加载，请稍后再试')
    setError('')
    const res = await upsertDepartment({ name: name.trim(), field: field.trim(), region: picked.code })
    if (!res.ok) return setError(res.error.message)
    setNotice(`已添加：${res.data.department.name}`)
    setAdding(false)
    setName('')
    setField('')
    void load()
  }

  const groups = regions.map((r) => ({ region: r, list: (items ?? []).filter((d) => d.region === r.code) })).filter((g) => g.list.length)
  return (
    <View id='roster-departments'>
      {notice ? <Text className='sv-note sv-ok'>{notice}</Text> : null}
      {canEdit && !adding ? (
        <Button id='btn-add-dept' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => setAdding(true)}>
          ＋ 新增执法部门
        </Button>
      ) : null}
      {adding ? (
        <View className='card' id='dept-form'>
          <FormField id='input-dept-name' label='部门名称' value={name} onChange={setName} placeholder='例如：章贡区市场监督管理局' maxlength={60} />
          <FormField id='input-dept-field' label='执法领域' value={field} onChange={setField} placeholder='例如：市场监管' maxlength={40} />
          <Text className='form-label'>所属地区</Text>
          <Picker mode='selector' range={regions.map((r) => r.name)} value={regionIdx} onChange={(e) => setRegionIdx(Number(e.detail.value))}>
            <View className='sv-scope' id='dept-region-picker'>
              <Text>{picked?.name ?? '加载中…'}</Text>
              <Text className='sv-scope__more'>选择 ›</Text>
            </View>
          </Picker>
          <View className='sv-panel sv-actions'>
            <Button id='btn-save-dept' className='btn' hoverClass='btn--hover' onClick={() => void save()}>
              保存
            </Button>
            <Button className='btn btn--ghost' hoverClass='btn--hover' onClick={() => setAdding(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}
      {error ? <ErrorBox message={error} /> : null}
      {items === null && !error ? <Loading /> : null}
      {groups.map((g) => (
        <View key={g.region.code}>
          <View className='sv-section'>
            <Text className='sv-section__title'>{regionName(g.region.code)}</Text>
            <Text className='sv-section__note'>{g.list.length} 个部门</Text>
          </View>
          <View className='card'>
            {g.list.map((d) => (
              <View key={d.id} className='sv-kv' id={`dept-${d.id}`}>
                <Text className='sv-kv__v'>{d.name}</Text>
                <Text className='sv-section__note'>{d.field}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
