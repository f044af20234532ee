import { View, Text, Button, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Company } from '@contract'

type Props = { company: Company; image: string; scene: string; onClose: () => void }

/** The printable gate poster 企业码: the code, the company's name and what it is for. */
export function GatePoster({ company, image, scene, onClose }: Props) {
  const print = () => {
    if (process.env.TARO_ENV === 'h5') window.print()
    else void Taro.previewImage({ urls: [image] })
  }
  return (
    <View className='sv-overlay' id='gate-poster-sheet'>
      <View className='sv-sheet'>
        <View className='gate-poster' id='gate-poster'>
          <Text className='gate-poster__brand'>企检码 · 扫码入企</Text>
          <Text className='gate-poster__name' id='gate-poster-name'>
            {company.name}
          </Text>
          <Image className='gate-poster__code' src={image} mode='aspectFit' id='gate-poster-image' />
          <Text className='gate-poster__line'>执法人员入企检查前，请用“企检码”小程序扫描此码登记</Text>
          <Text className='gate-poster__line'>企业可扫执法人员“亮证码”核验身份，并对检查进行评价、投诉</Text>
          <Text className='gate-poster__scene'>编码 {scene}</Text>
        </View>
        <View className='sv-actions'>
          <Button id='btn-print-poster' className='btn' hoverClass='btn--hover' onClick={print}>
            {process.env.TARO_ENV === 'h5' ? '打印' : '保存图片'}
          </Button>
          <Button id='btn-close-poster' className='btn btn--ghost' hoverClass='btn--hover' onClick={onClose}>
            关闭
          </Button>
        </View>
      </View>
    </View>
  )
}
