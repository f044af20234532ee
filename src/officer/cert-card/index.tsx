import { useEffect, useRef, useState } from 'react'
import { View, Text, Button, Image } from '@tarojs/components'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import type { Output } from '@contract'
import { certCard } from '@/services/inspection/cert-card'
import { ErrorBox } from '@/components/ErrorBox'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { StatusBadge } from '@/components/StatusBadge'
import { InfoRow } from '@/components/InfoRow'
import { chinaLongDate } from '@/lib/china-time'
import { CERT_STATUS_LABELS } from '@/lib/labels'
import './index.css'

type Card = Output<'inspection', 'certCard'> & { issuedAt?: number; certState?: 'valid' | 'suspended' | 'revoked' | 'expired' }

const DEFAULT_TTL_MS = 5 * 60 * 1000
/** Fetch a fresh code this long before the shown one expires, so the company never scans a dead one. */
const REFRESH_EARLY_MS = 5000

function statusOf(card: Card, serverNow: number): { tone: 'ok' | 'bad'; text: string; expired: boolean } {
  const o = card.officer
  // The server's own verdict when it sends one (it knows its clock); else derived from the record.
  const state = card.certState ?? (o.certStatus === 'valid' && o.certExpiresAt < serverNow ? 'expired' : o.certStatus)
  return { tone: state === 'valid' ? 'ok' : 'bad', text: CERT_STATUS_LABELS[state].text, expired: state === 'expired' }
}

const mmss = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** 亮证: the digital certificate card with a QR code that the company scans to verify; refreshed every 5 minutes. */
export default function CertCard() {
  const [card, setCard] = useState<Card | null>(null)
  const [error, setError] = useState('')
  // Server time when the card was issued, and the local instant the code expires (the phone's clock may differ from the server's).
  const [serverNow, setServerNow] = useState(0)
  const [deadline, setDeadline] = useState(0)
  const [left, setLeft] = useState(0)
  const loading = useRef(false)
  const visible = useRef(true)

  const load = async () => {
    if (loading.current) return
    loading.current = true
    const res = await certCard()
    loading.current = false
    if (!res.ok) return setError(res.error.message)
    const c = res.data as Card
    const ttl = c.issuedAt ? c.expiresAt - c.issuedAt : DEFAULT_TTL_MS
    setError('')
    setCard(c)
    setServerNow(c.expiresAt - ttl)
    setDeadline(Date.now() + ttl)
    setLeft(ttl)
  }

  useDidShow(() => {
    visible.current = true
    void load()
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true })
  })
  useDidHide(() => {
    visible.current = false
  })

  useEffect(() => {
    const t = setInterval(() => {
      if (!deadline) return
      const remaining = deadline - Date.now()
      setLeft(remaining)
      if (remaining <= REFRESH_EARLY_MS && visible.current) void load()
    }, 1000)
    return () => clearInterval(t)
  }, [deadline])

  const status = card ? statusOf(card, serverNow) : null
  return (
    <PageShell id='page-cert-card'>
      {error ? <ErrorBox message={error} /> : null}
      {!card && !error ? <Loading text='正在生成电子执法证…' /> : null}
      {card && status ? (
        <View className='cert' id='cert'>
          <View className='cert__head'>
            <Text className='cert__title'>行政执法证</Text>
            <Text className='cert__sub'>电子亮证 · 赣州市</Text>
          </View>
          <View className='cert__body'>
            <View className='cert__name-row'>
              <Text className='cert__name' id='cert-name'>
                {card.officer.name}
              </Text>
              <StatusBadge tone={status.tone} text={status.text} id='cert-status' />
            </View>
            <InfoRow label='执法单位' id='cert-dept'>
              {card.department.name}
            </InfoRow>
            <InfoRow label='执法证号' id='cert-no'>
              {card.officer.certNo}
            </InfoRow>
            <InfoRow label='有效期至' tone={status.expired ? 'bad' : undefined}>
              {chinaLongDate(card.officer.certExpiresAt)}
            </InfoRow>
            {card.officer.certStatusReason && status.tone === 'bad' ? <Text className='note note--bad'>{card.officer.certStatusReason}</Text> : null}
          </View>
          <View className='cert__qr-box'>
            <Image id='cert-qr' className='cert__qr' src={card.image} mode='aspectFit' />
            <Text className='cert__countdown' id='cert-countdown'>
              {left > 0 ? `二维码 ${mmss(left)} 后自动刷新` : '正在刷新二维码…'}
            </Text>
            <Text className='cert__hint'>请企业人员用“企检码”扫码核验身份与证件状态</Text>
          </View>
        </View>
      ) : null}
      <Button id='btn-refresh-cert' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void load()}>
        刷新二维码
      </Button>
    </PageShell>
  )
}
