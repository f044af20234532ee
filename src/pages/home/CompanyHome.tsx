import { useEffect, useState } from 'react'
import { View, Text, Button, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Output } from '@contract'
import { companyOverview } from '@/services/enterprise/overview'
import { gateCode } from '@/services/account/gate-code'
import { ErrorBox } from '@/components/ErrorBox'
import { monthDayOf } from '@/lib/china-time'

type Overview = Output<'enterprise', 'overview'>

/** "N 次检查待评价": one tap to the list where they are rated (nothing when there are none). */
function RateBanner({ id, count, what, url }: { id: string; count: number; what: string; url: string }) {
  if (count <= 0) return null
  return (
    <View className='company-home__rate' id={id} hoverClass='company-home__rate--hover' onClick={() => Taro.navigateTo({ url })}>
      <Text>
        {count} 次{what}待评价，点此评价 ›
      </Text>
    </View>
  )
}

/**
 * The company's home card (SPEC §5 release 2): whether the quiet period protects it today,
 * its gate code to show or print, and this year's inspections per department — planned
 * ones against the yearly cap, case-sourced ones and service visits beside them.
 */
export function CompanyHome() {
  const [data, setData] = useState<Overview | null>(null)
  const [error, setError] = useState('')
  const [code, setCode] = useState<string | null>(null)

  useEffect(() => {
    void companyOverview().then((res) => (res.ok ? setData(res.data) : setError(res.error.message)))
  }, [])

  if (error) return <ErrorBox message={error} />
  if (!data) return null

  const showCode = async () => {
    const res = await gateCode({ companyId: data.company.id })
    if (!res.ok) return setError(res.error.message)
    setCode(res.data.image)
  }
  const print = () => {
    if (process.env.TARO_ENV === 'h5') window.print()
    else if (code) void Taro.previewImage({ urls: [code] })
  }
  const { quiet, year } = data
  const quietText = !quiet.appliesToCompany
    ? '贵企业不在园区内，安静生产期不适用；检查须有合法来源。'
    : quiet.active
      ? `安静生产期中${quiet.windowEnd ? `（至${monthDayOf(quiet.windowEnd)}）` : ''}：执法单位无特殊情形不得入企检查。`
      : '今天不在安静生产期。'

  return (
    <View id='company-home'>
      <View className='card company-home' id='company-overview'>
        <Text className='company-home__name'>{data.company.name}</Text>
        <Text className={`company-home__quiet${quiet.appliesToCompany && quiet.active ? ' company-home__quiet--on' : ''}`} id='company-quiet'>
          {quietText}
        </Text>
        <RateBanner id='company-to-rate' count={data.toRate} what='检查' url='/enterprise/inspections/index' />
        <RateBanner id='company-service-to-rate' count={data.serviceToRate} what='入企服务' url='/enterprise/inspections/index?tab=service' />
      </View>

      <Text className='section-title'>{year.year} 年入企检查</Text>
      <View className='card' id='company-year'>
        {year.byDepartment.length === 0 ? (
          <Text className='hint'>今年还没有执法单位入企检查。</Text>
        ) : (
          <View>
            <View className='year-row year-row--head'>
              <Text className='year-row__dept'>执法单位</Text>
              <Text className='year-row__num'>计划检查</Text>
              <Text className='year-row__num'>案件核查</Text>
              <Text className='year-row__num'>入企服务</Text>
            </View>
            {year.byDepartment.map((d) => (
              <View key={d.deptId} className='year-row' id={`year-${d.deptId}`}>
                <Text className='year-row__dept'>{d.deptName}</Text>
                <Text className={`year-row__num${d.planned >= d.cap ? ' year-row__num--full' : ''}`}>
                  {d.planned}/{d.cap}
                </Text>
                <Text className='year-row__num'>{d.caseSourced}</Text>
                <Text className='year-row__num'>{d.service}</Text>
              </View>
            ))}
            <Text className='note'>计划检查每个执法单位每年最多 {year.byDepartment[0]?.cap} 次；投诉举报、案件核查等不计入次数，但都在此列出。</Text>
          </View>
        )}
      </View>

      <Text className='section-title'>企业码</Text>
      <View className='card company-gate' id='company-gate'>
        {code ? (
          <View className='company-gate__poster' id='company-gate-poster'>
            <Image className='company-gate__code' src={code} mode='aspectFit' id='company-gate-image' />
            <Text className='hint'>张贴在企业门口：执法人员入企前扫此码登记。</Text>
            <Button id='btn-print-gate' className='btn' hoverClass='btn--hover' onClick={print}>
              {process.env.TARO_ENV === 'h5' ? '打印企业码' : '保存图片'}
            </Button>
          </View>
        ) : (
          <Button id='btn-show-gate' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void showCode()}>
            出示 / 打印企业码
          </Button>
        )}
      </View>
    </View>
  )
}
