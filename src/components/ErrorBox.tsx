import { View, Text } from '@tarojs/components'
import './ErrorBox.css'

type Props = { message: string; id?: string }

/** A red box with a message the person can act on (the server's Chinese `error.message`). */
export function ErrorBox({ message, id = 'error' }: Props) {
  return (
    <View className='error-box' id={id}>
      <Text className='error-box__icon'>!</Text>
      <Text className='error-box__text'>{message}</Text>
    </View>
  )
}
