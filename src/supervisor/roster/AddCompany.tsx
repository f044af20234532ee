import { useState } from 'react'
import { View, Text, Button, Picker } from '@tarojs/components'
import type { Company, Scale } from '@contract'
import { upsertCompany } from '@/services/account/upsert-company'
import { ChoiceList } from '@/components/ChoiceList'
import { ErrorBox } from '@/components/ErrorBox'
import { FormField } from '@/components/FormField'
import { SCALE_LABELS } from '@/lib/labels'
import { useRegions } from '../lib/regions'

const SCALES = Object.keys(SCALE_LABELS) as Scale[]

/**
 * 新增企业 (admin): the company's registration, its county, location and park. The unified
 * social credit code is checked by the server (GB 32100-2015 checksum); its refusal shows
 * here in plain words.
 */
export function AddCompany({ onAdded, onCancel }: { onAdded: (c: Company) => void; onCancel: () => void }) {
  const counties = useRegions().filter((r) => r.code.length === 6)
  const [name, setName] = useState('')
  const [uscc, setUscc] = useState('')
  const [regionIdx, setRegionIdx] = useState(0)
  const [address, setAddress] = useState('')
  const [lat, setLat] = useState('')
  const [lng, setLng] = useState('')
  const [park, setPark] = useState<'no' | 'yes'>('no')
  const [parkName, setParkName] = useState('')
  const [scaleIdx, setScaleIdx] = useState(SCALES.indexOf('small'))
  const [monitoring, setMonitoring] = useState<'no' | 'yes'>('no')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const save = async () => {
    setError('')
    if (!name.trim()) return setError('请填写企业名称')
    if (uscc.trim().length !== 18) return setError('统一社会信用代码应为18位，请核对营业执照')
    if (!address.trim()) return setError('请填写企业地址')
    const location = { lat: Number(lat), lng: Number(lng) }
    if (!lat || !lng || !Number.isFinite(location.lat) || !Number.isFinite(location.lng)) return setError('请填写企业位置的纬度和经度（可在地图上取点）')
    if (park === 'yes' && !parkName.trim()) return setError('请填写所在园区名称')
    const region = counties[regionIdx]
    if (!region) return setError('请选择企业所在县区')
    setBusy(true)
    const res = await upsertCompany({
      uscc: uscc.trim().toUpperCase(),
      name: name.trim(),
      region: region.code,
      address: address.trim(),
      location,
      inPark: park === 'yes',
      ...(park === 'yes' ? { parkName: parkName.trim() } : {}),
      scale: SCALES[scaleIdx],
      monitoringPoint: monitoring === 'yes',
    })
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    onAdded(res.data.company)
  }

  return (
    <View className='card' id='company-form'>
      <Text className='sv-section__title'>新增企业</Text>
      <FormField id='input-company-name' label='企业名称' value={name} onChange={setName} placeholder='与营业执照一致' maxlength={100} />
      <FormField id='input-company-uscc' label='统一社会信用代码' value={uscc} onChange={setUscc} placeholder='18位，见营业执照' maxlength={18} />
      <Text className='form-label'>所在县区</Text>
      <Picker mode='selector' range={counties.map((r) => r.name)} value={regionIdx} onChange={(e) => setRegionIdx(Number(e.detail.value))}>
        <View className='sv-scope' id='company-region-picker'>
          <Text>{counties[regionIdx]?.name ?? '请选择'}</Text>
          <Text className='sv-scope__more'>选择 ›</Text>
        </View>
      </Picker>
      <FormField id='input-company-address' label='地址' value={address} onChange={setAddress} placeholder='街道门牌号' maxlength={200} />
      <FormField id='input-company-lat' label='纬度' value={lat} onChange={setLat} placeholder='例如 25.8310' maxlength={12} />
      <FormField id='input-company-lng' label='经度' value={lng} onChange={setLng} placeholder='例如 114.9350' maxlength={12} />
      <YesNo id='company-park' idPrefix='park' label='是否在园区（园区企业适用安静生产期）' no='不在园区' yes='在园区' value={park} onChange={setPark} />
      {park === 'yes' ? (
        <FormField id='input-company-park' label='园区名称' value={parkName} onChange={setParkName} placeholder='例如：赣州经济技术开发区' maxlength={60} />
      ) : null}
      <Text className='form-label'>企业规模</Text>
      <Picker mode='selector' range={SCALES.map((s) => SCALE_LABELS[s])} value={scaleIdx} onChange={(e) => setScaleIdx(Number(e.detail.value))}>
        <View className='sv-scope' id='company-scale-picker'>
          <Text>{SCALE_LABELS[SCALES[scaleIdx]]}</Text>
          <Text className='sv-scope__more'>选择 ›</Text>
        </View>
      </Picker>
      <YesNo
        id='company-monitoring'
        idPrefix='monitoring'
        label='监测点（企业须记录入企台账）'
        no='不是监测点'
        yes='设为监测点'
        value={monitoring}
        onChange={setMonitoring}
      />
      {error ? <ErrorBox message={error} id='company-error' /> : null}
      <View className='sv-actions'>
        <Button id='btn-save-company' className='btn' hoverClass='btn--hover' disabled={busy} onClick={() => void save()}>
          {busy ? '正在保存…' : '保存'}
        </Button>
        <Button id='btn-cancel-company' className='btn btn--ghost' hoverClass='btn--hover' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}

type YesNoProps = { id: string; idPrefix: string; label: string; no: string; yes: string; value: 'no' | 'yes'; onChange: (v: 'no' | 'yes') => void }

/** A labelled choice between two answers, `no` first. */
function YesNo({ id, idPrefix, label, no, yes, value, onChange }: YesNoProps) {
  return (
    <View>
      <Text className='form-label'>{label}</Text>
      <ChoiceList
        id={id}
        idPrefix={idPrefix}
        value={value}
        onChange={(k) => onChange(k as 'no' | 'yes')}
        choices={[
          { key: 'no', title: no },
          { key: 'yes', title: yes },
        ]}
      />
    </View>
  )
}
