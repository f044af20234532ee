import { View, Text, Button } from '@tarojs/components'

type Props = { title: string; who: string; code: string; note: string; onClose: () => void }

/** A one-time bind code shown large, once, with what to do with it. */
export function CodeSheet({ title, who, code, note, onClose }: Props) {
  return (
    <View className='sv-overlay' id='bind-code-sheet'>
      <View className='sv-sheet'>
        <Text className='sv-section__title'>{title}</Text>
        <Text className='sv-item__line'>{who}</Text>
        <Text className='sv-code' id='bind-code' selectable>
          {code}
        </Text>
        <Text className='sv-note'>{note}</Text>
        <Button id='btn-close-code' className='btn' hoverClass='btn--hover' onClick={onClose}>
          我已记下，关闭
        </Button>
      </View>
    </View>
  )
}
