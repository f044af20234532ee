import { Text } from '@tarojs/components'
import './Loading.css'

/** A centred "loading" line for a page waiting on its first answer. */
export function Loading({ text = '正在加载…', id = 'loading' }: { text?: string; id?: string }) {
  return (
    <Text className='loading-line' id={id}>
      {text}
    </Text>
  )
}
