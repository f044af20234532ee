import { useEffect, useRef, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { listPersonas } from '@/services/dev'
import { ErrorBox } from '@/components/ErrorBox'
import { ScenePaste } from '@/components/ScenePaste'
import { PageShell } from '@/components/PageShell'
import { scanSceneWithCamera } from '@/lib/scan'
import { previewUrl } from '../lib/urls'

/** Demo companies for the emulator's dev mode (H5 has no WeChat scanner). */
const DEMO_COMPANIES = [
  { id: 'co_0001', label: '园区企业（经开区·监测点）' },
  { id: 'co_0002', label: '非园区企业（章贡区）' },
]

/** 扫码入企: camera only on WeChat; on H5 (local emulator) paste a gate-code link or type its scene. */
export default function OfficerScan() {
  const weapp = process.env.TARO_ENV === 'weapp'
  const [error, setError] = useState('')
  const [dev, setDev] = useState(false)
  const scanned = useRef(false)

  const open = (scene: string | null) => {
    if (!scene) return setError('没有识别到企业码，请对准企业大门处张贴的“企业码”重新扫描')
    setError('')
    void Taro.navigateTo({ url: previewUrl(scene) })
  }

  const scan = async () => {
    setError('')
    const got = await scanSceneWithCamera()
    if (got.kind === 'failed') setError(got.message)
    else if (got.kind === 'scanned') open(got.scene)
  }

  useEffect(() => {
    // The tile was the officer's tap: open the camera straight away.
    if (weapp && !scanned.current) {
      scanned.current = true
      void scan()
    }
    if (!weapp) void listPersonas().then((p) => setDev(!!p && p.length > 0))
  }, [])

  if (weapp) {
    return (
      <PageShell id='page-scan' title='扫码入企' subtitle='进入企业前，请扫描企业大门处张贴的“企业码”。'>
        {error ? <ErrorBox message={error} /> : null}
        <Button id='btn-scan' className='btn btn--large' hoverClass='btn--hover' onClick={() => void scan()}>
          扫描企业码
        </Button>
        <Text className='hint hint--footer'>仅支持相机扫码，不支持从相册识别。</Text>
      </PageShell>
    )
  }

  return (
    <PageShell id='page-scan' title='扫码入企' subtitle='网页版无法调用微信扫码。请粘贴企业码链接，或输入企业码内容。'>
      <ScenePaste
        inputId='input-scene'
        label='企业码链接或内容'
        placeholder='例如 c=co_0001'
        hint='企业码内容形如“c=企业编号”；也可粘贴扫码得到的完整链接。'
        buttonId='btn-open-scene'
        buttonLabel='打开企业'
        onScene={open}
      >
        {error ? <ErrorBox message={error} /> : null}
      </ScenePaste>
      {dev ? (
        <View id='demo-companies'>
          <Text className='section-title'>演示企业（仅本地演示环境）</Text>
          {DEMO_COMPANIES.map((c) => (
            <View key={c.id} id={`demo-company-${c.id}`} className='option option--stack' hoverClass='option--hover' onClick={() => open(`c=${c.id}`)}>
              <Text className='option__title'>{c.label}</Text>
              <Text className='option__detail'>企业码 c={c.id}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </PageShell>
  )
}
