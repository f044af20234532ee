import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from './PageShell'
import './ComingSoon.css'

type Props = { title: string; note?: string }

/** Placeholder for a page still being built: its title, a notice, and the way home. */
export function ComingSoon({ title, note }: Props) {
  return (
    <PageShell id='page-coming-soon' title={title}>
      <View className='card coming-soon'>
        <Text className='coming-soon__badge'>功能建设中</Text>
        <Text className='hint'>{note ?? '该功能正在建设中，即将上线。'}</Text>
      </View>
      <Button id='btn-home' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => Taro.reLaunch({ url: '/pages/home/index' })}>
        返回首页
      </Button>
    </PageShell>
  )
}
