import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Output } from '@contract'
import { auditVerify } from '@/services/supervision/audit-verify'
import { monthlyReport } from '@/services/supervision/monthly-report'
import { downloadHref } from '@/services/files'
import { ErrorBox } from '@/components/ErrorBox'
import { MonthStepper, monthTitle } from '@/components/MonthStepper'
import { PageShell } from '@/components/PageShell'
import { MeWaiting } from '../lib/MeWaiting'
import { useMe } from '../lib/me'
import { monthOf } from '@/lib/china-time'
import '../lib/supervisor.css'

type Audit = Output<'supervision', 'auditVerify'>

/** The name a person sees for a stored file: the last part of its address, decoded. */
const fileNameOf = (ref: string): string => {
  const last = ref.split('?')[0].split('/').pop() ?? ''
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}

/** Opens the workbook: a link in the browser; download + openDocument in WeChat. */
async function openReport(where: { url?: string; fileID?: string }): Promise<string | null> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      if (where.url) window.open(downloadHref(where.url), '_blank')
      return null
    }
    let tempFilePath = ''
    if (where.fileID) tempFilePath = (await Taro.cloud.downloadFile({ fileID: where.fileID })).tempFilePath
    else if (where.url) tempFilePath = (await Taro.downloadFile({ url: where.url })).tempFilePath
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
    return null
  } catch {
    return '文件打开失败，请稍后重试'
  }
}

/** 月度通报: build the month's xlsx 通报 and open it; verify the monitoring-point ledger chains. */
export default function SupervisorReport() {
  const meState = useMe()
  const [month, setMonth] = useState('')
  const [report, setReport] = useState<{ month: string; url?: string; fileID?: string; fileName?: string } | null>(null)
  const [audit, setAudit] = useState<Audit | null>(null)
  const [busy, setBusy] = useState<'' | 'report' | 'audit'>('')
  const [error, setError] = useState('')
  const today = meState.status === 'ready' ? meState.me.today.date : ''
  useEffect(() => {
    if (today && !month) setMonth(monthOf(today))
  }, [today, month])

  const build = async () => {
    if (busy) return
    setBusy('report')
    setError('')
    const res = await monthlyReport({ month })
    setBusy('')
    if (!res.ok) return setError(res.error.message)
    setReport({ month, ...res.data })
  }
  const verify = async () => {
    if (busy) return
    setBusy('audit')
    setError('')
    const res = await auditVerify({})
    setBusy('')
    if (!res.ok) return setError(res.error.message)
    setAudit(res.data)
  }

  if (meState.status === 'failed' || !month) return <MeWaiting id='page-report' state={meState} />

  return (
    <PageShell id='page-report'>
      <View className='card'>
        <Text className='sv-section__title'>月度通报</Text>
        <Text className='sv-note'>按部门汇总：检查次数、安静期例外（合理/不合理）、红灯、评价数/平均分/差评、投诉、未扫码、重复检查，并附部门排名。</Text>
        <MonthStepper
          id='month-picker'
          value={month}
          max={monthOf(today)}
          onChange={(m) => {
            setMonth(m)
            setReport(null)
          }}
        />
        <View className='sv-panel'>
          <Button id='btn-report' className='btn' hoverClass='btn--hover' onClick={() => void build()}>
            {busy === 'report' ? '正在生成…' : `生成${monthTitle(month)}通报`}
          </Button>
        </View>
        {report && report.month === month ? (
          <View className='sv-panel' id='report-ready'>
            <Text className='sv-ok'>{monthTitle(month)}通报已生成（Excel）</Text>
            <Button id='report-link' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void openReport(report).then((e) => e && setError(e))}>
              打开通报表格
            </Button>
            <Text className='sv-item__meta' id='report-file'>
              文件：{report.fileName ?? fileNameOf(report.url ?? report.fileID ?? '')}
            </Text>
          </View>
        ) : null}
      </View>

      <View className='card'>
        <Text className='sv-section__title'>台账完整性校验</Text>
        <Text className='sv-note'>逐家核对监测点企业台账的哈希链，发现被改动或删除的记录。</Text>
        <Button id='btn-audit-verify' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void verify()}>
          {busy === 'audit' ? '正在校验…' : '开始校验'}
        </Button>
        {audit ? (
          <View className='sv-panel' id='audit-result'>
            {audit.ok ? (
              <Text className='sv-ok' id='audit-ok'>
                校验通过：共核对 {audit.checked} 条台账记录，未发现篡改。
              </Text>
            ) : (
              <Text className='sv-bad' id='audit-broken'>
                校验未通过：共核对 {audit.checked} 条，
                {audit.brokenAt ? `企业 ${audit.brokenAt.companyId} 第 ${audit.brokenAt.seq} 条记录起链条断裂` : '发现链条断裂'}，请立即核查。
              </Text>
            )}
          </View>
        ) : null}
      </View>
      {error ? <ErrorBox message={error} /> : null}
    </PageShell>
  )
}
