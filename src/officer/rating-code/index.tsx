import { useEffect, useState } from 'react'
import { View, Text, Button, Image } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Output } from '@contract'
import { ratingCode } from '@/services/inspection/rating-code'
import { ErrorBox } from '@/components/ErrorBox'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { chinaDateTime } from '@/lib/china-time'
import { param } from '../lib/urls'
import { useRuleWords } from '@/hooks/useRuleWords'
import './index.css'

type Code = Output<'inspection', 'ratingCode'> & { expiresAt?: number }

/** 评价码: the QR code the company's responsible person scans to rate this inspection. */
export default function RatingCode() {
  const words = useRuleWords()
  const router = useRouter()
  const id = param(router.params.id)
  const company = param(router.params.company)
  const [code, setCode] = useState<Code | null>(null)
  const [error, setError] = useState('')

  const load = async () => {
    setError('')
    if (!id) return setError('没有指定检查，请从“我的检查”中选择。')
    const res = await ratingCode({ inspectionId: id })
    if (res.ok) setCode(res.data as Code)
    else setError(res.error.message)
  }

  useEffect(() => {
    void load()
  }, [])

  return (
    <PageShell id='page-rating-code'>
      <View className='card rating' id='rating-card'>
        <Text className='rating__badge'>检查结果已录入</Text>
        <Text className='rating__title' id='rating-title'>
          请企业负责人扫码评价
        </Text>
        {company ? <Text className='rating__company'>{company}</Text> : null}
        {code ? (
          <View className='rating__frame'>
            <Image id='rating-qr' className='rating__qr' src={code.image} mode='aspectFit' />
          </View>
        ) : error ? null : (
          <Loading text='正在生成评价码…' />
        )}
        <Text className='rating__expiry' id='rating-expiry'>
          {code?.expiresAt
            ? `评价码有效期至 ${chinaDateTime(code.expiresAt)}${words ? `（${words.ratingValid}内有效）` : ''}`
            : `评价码${words ? `${words.ratingValid}内` : ''}有效，仅可评价一次`}
        </Text>
        <Text className='rating__note'>评价由企业匿名提交给监督部门，执法部门只能看到汇总结果。</Text>
      </View>
      {error ? (
        <View>
          <ErrorBox message={error} />
          <Button id='btn-retry' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void load()}>
            重新加载
          </Button>
        </View>
      ) : null}
      <Button
        id='btn-my-inspections'
        className='btn btn--ghost'
        hoverClass='btn--hover'
        onClick={() => void Taro.redirectTo({ url: '/officer/my-inspections/index' })}
      >
        我的检查
      </Button>
      <Button id='btn-home' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
        返回首页
      </Button>
    </PageShell>
  )
}
