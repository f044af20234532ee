import { useCallback, useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { whoami, type Me } from '@/services/account/whoami'
import { messages } from '@/services/account/messages'
import { devLogin, listPersonas, type Persona } from '@/services/dev'
import { Banner } from '@/components/Banner'
import { ErrorBox } from '@/components/ErrorBox'
import { PageShell } from '@/components/PageShell'
import { isLargeText, setLargeText } from '@/lib/large-text'
import { Tile } from '@/components/Tile'
import { monthDayOf } from '@/lib/china-time'
import { ROLE_LABELS } from '@/lib/labels'
import { sectionsFor } from './tiles'
import { CompanyHome } from './CompanyHome'
import './index.css'

type State = { status: 'loading' } | { status: 'ready'; me: Me } | { status: 'failed'; message: string }

function QuietBanner({ state }: { state: State }) {
  if (state.status !== 'ready') {
    return (
      <Banner
        id='quiet-banner'
        tone='unknown'
        badge='安静生产期'
        title={state.status === 'loading' ? '正在查询今天是否处于安静生产期…' : '暂时无法查询今天是否处于安静生产期'}
        detail={state.status === 'loading' ? undefined : '请检查网络后下拉刷新或点“重新加载”。'}
      />
    )
  }
  const { date, quiet } = state.me.today
  const window = `每月${quiet.firstDay}日—${quiet.lastDay}日`
  const who = quiet.scope === 'all' ? '各类企业' : '园区企业'
  if (quiet.active) {
    return (
      <Banner
        id='quiet-banner'
        tone='quiet'
        badge='安静生产期'
        title={`今天（${monthDayOf(date)}）处于安静生产期（${window}），${who}无特殊情形不得入企检查`}
        detail={quiet.windowEnd ? `本期至${monthDayOf(quiet.windowEnd)}结束。确需入企的，须选择特殊情形，由监督部门审核。` : undefined}
      />
    )
  }
  return (
    <Banner
      id='quiet-banner'
      tone='normal'
      badge='正常检查期'
      title={`今天（${monthDayOf(date)}）不在安静生产期`}
      detail={`安静生产期为${window}，期间${who}无特殊情形不得入企检查。`}
    />
  )
}

function Unbound() {
  return (
    <View className='home-unbound'>
      <Text className='section-title'>请先绑定身份</Text>
      <View className='card'>
        <Text className='hint'>绑定后即可使用扫码入企、核验执法人员、评价与投诉等功能。请选择您的身份：</Text>
      </View>
      <Button id='btn-bind-officer' className='btn btn--large' hoverClass='btn--hover' onClick={() => Taro.navigateTo({ url: '/pages/bind-officer/index' })}>
        我是执法人员（绑定执法证）
      </Button>
      <Button
        id='btn-bind-company'
        className='btn btn--large btn--ghost'
        hoverClass='btn--hover'
        onClick={() => Taro.navigateTo({ url: '/pages/bind-company/index' })}
      >
        我是企业（绑定企业）
      </Button>
    </View>
  )
}

/** The inbox entry with the number of unread messages (every bound role). */
function InboxEntry({ unread }: { unread: number | null }) {
  return (
    <View className='home-messages' id='home-messages' hoverClass='home-messages--hover' onClick={() => Taro.navigateTo({ url: '/pages/messages/index' })}>
      <Text>消息</Text>
      {unread ? (
        <Text className='home-messages__count' id='home-unread'>
          {unread} 条未读
        </Text>
      ) : (
        <Text className='home-messages__none'>{unread === 0 ? '没有未读消息' : ''}</Text>
      )}
    </View>
  )
}

function Bound({ user, unread }: { user: NonNullable<Me['user']>; unread: number | null }) {
  const sections = sectionsFor(user.roles)
  return (
    <View>
      <InboxEntry unread={unread} />
      {user.roles.includes('enterprise') ? <CompanyHome /> : null}
      <View className='card home-user' id='user-card'>
        <Text className='home-user__name'>{user.name}</Text>
        <View className='home-user__roles'>
          {user.roles.map((r) => (
            <Text key={r} className='home-user__role'>
              {ROLE_LABELS[r] ?? r}
            </Text>
          ))}
        </View>
      </View>
      {sections.map((s) => (
        <View key={s.role} id={`section-${s.role}`}>
          <Text className='section-title'>{s.heading}</Text>
          <View className='tile-grid'>
            {s.tiles.map((t) => (
              <Tile key={t.id} {...t} />
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}

function DevSwitcher({ personas, current, onPick }: { personas: Persona[]; current?: string; onPick: (p: Persona) => void }) {
  return (
    <View id='dev-switcher' className='dev-switcher'>
      <Text className='section-title'>演示身份切换</Text>
      <Text className='dev-switcher__note'>仅本地演示环境可见，用于体验各角色功能。</Text>
      {personas.map((p) => (
        <View
          key={p.openid}
          id={`persona-${p.openid}`}
          className={`option option--stack${p.openid === current ? ' option--on' : ''}`}
          hoverClass='option--hover'
          onClick={() => onPick(p)}
        >
          <Text className='option__title'>{p.name}</Text>
          <Text className='option__detail'>{p.label}</Text>
        </View>
      ))}
    </View>
  )
}

export default function Home() {
  const [state, setState] = useState<State>({ status: 'loading' })
  const [personas, setPersonas] = useState<Persona[] | null>(null)
  const [unread, setUnread] = useState<number | null>(null)
  const [large, setLarge] = useState(isLargeText())
  const toggleLarge = () => {
    setLargeText(!large)
    setLarge(!large)
  }

  const load = useCallback(async () => {
    const res = await whoami()
    setState(res.ok ? { status: 'ready', me: res.data } : { status: 'failed', message: res.error.message })
    Taro.stopPullDownRefresh()
    if (!res.ok) return
    if (!res.data.user) return setUnread(null)
    const inbox = await messages()
    setUnread(inbox.ok ? inbox.data.unread : null)
  }, [])

  useDidShow(() => {
    void load()
  })
  usePullDownRefresh(() => {
    void load()
  })
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') void listPersonas().then(setPersonas)
  }, [])

  const pick = async (p: Persona) => {
    setState({ status: 'loading' })
    if (await devLogin(p.openid)) return load()
    setState({ status: 'failed', message: '切换演示身份失败，请确认本地模拟服务已启动' })
  }

  const me = state.status === 'ready' ? state.me : null
  return (
    <PageShell id='page-home' large={large} title='企检码' subtitle={`${me?.city.name ?? ''}涉企行政检查服务 · 扫码入企 · 阳光执法`}>
      <Button id='btn-large-text' className='btn btn--ghost home-large-text' hoverClass='btn--hover' onClick={toggleLarge}>
        {large ? '恢复标准字号' : '大字模式（字更大、更清楚）'}
      </Button>
      <QuietBanner state={state} />
      {state.status === 'loading' ? <Text className='home-loading'>正在加载…</Text> : null}
      {state.status === 'failed' ? (
        <View>
          <ErrorBox message={state.message} />
          <Button id='btn-retry' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void load()}>
            重新加载
          </Button>
        </View>
      ) : null}
      {me ? me.user ? <Bound user={me.user} unread={unread} /> : <Unbound /> : null}
      {process.env.TARO_ENV === 'h5' && personas && personas.length > 0 ? (
        <DevSwitcher personas={personas} current={me?.openid} onPick={(p) => void pick(p)} />
      ) : null}
      {me?.city.basis ? <Text className='home-footer'>依据{me.city.basis}</Text> : null}
    </PageShell>
  )
}
