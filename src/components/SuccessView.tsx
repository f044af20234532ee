import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './SuccessView.css'

type Props = { id: string; title: string; detail?: string }

/** A full-width confirmation with a way home. */
export function SuccessView({ id, title, detail }: Props) {
  return (
    <View className='success' id={id}>
      <View className='success__mark'>
        <Text>✓</Text>
      </View>
      <Text className='success__title'>{title}</Text>
      {detail ? <Text className='success__detail'>{detail}</Text> : null}
      <Button id='btn-home' className='btn' hoverClass='btn--hover' onClick={() => Taro.reLaunch({ url: '/pages/home/index' })}>
        返回首页
      </Button>
    </View>
  )
}
