import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './Tile.css'

type Props = { id: string; title: string; desc?: string; glyph: string; url: string }

/** One entry on home: a large tappable card that opens a page. */
export function Tile({ id, title, desc, glyph, url }: Props) {
  return (
    <View className='tile' id={id} hoverClass='tile--hover' onClick={() => Taro.navigateTo({ url })}>
      <View className='tile__glyph'>
        <Text>{glyph}</Text>
      </View>
      <Text className='tile__title'>{title}</Text>
      {desc ? <Text className='tile__desc'>{desc}</Text> : null}
    </View>
  )
}
