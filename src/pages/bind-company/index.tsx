import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { bindEnterprise } from '@/services/account/bind-enterprise'
import { ErrorBox } from '@/components/ErrorBox'
import { FormField } from '@/components/FormField'
import { PageShell } from '@/components/PageShell'
import { SuccessView } from '@/components/SuccessView'
import { useGoHomeLater } from '@/hooks/useGoHomeLater'

const USCC_LENGTH = 18

export default function BindCompany() {
  const [uscc, setUscc] = useState('')
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [done, setDone] = useState(false)
  useGoHomeLater(done)

  const submit = async () => {
    if (busy) return
    const value = uscc.trim().toUpperCase()
    if (value.length !== USCC_LENGTH) return setError(`统一社会信用代码应为 ${USCC_LENGTH} 位（当前 ${value.length} 位）`)
    if (!code.trim()) return setError('请填写绑定码')
    setBusy(true)
    setError('')
    const res = await bindEnterprise({ uscc: value, code: code.trim() })
    setBusy(false)
    if (res.ok) setDone(true)
    else setError(res.error.message)
  }

  if (done) {
    return (
      <PageShell id='page-bind-company'>
        <SuccessView id='bind-success' title='企业绑定成功' detail='即将返回首页，可核验执法人员、查看检查记录。' />
      </PageShell>
    )
  }
  return (
    <PageShell id='page-bind-company' title='绑定企业' subtitle='绑定后可核验来访执法人员、评价检查、投诉举报。'>
      <View className='card'>
        <FormField
          id='input-uscc'
          label='统一社会信用代码'
          value={uscc}
          onChange={(v) => setUscc(v.toUpperCase().replace(/\s+/g, ''))}
          placeholder='18位，见营业执照'
          maxlength={USCC_LENGTH}
          hint={`已输入 ${uscc.length}/${USCC_LENGTH} 位`}
        />
        <FormField
          id='input-code'
          label='绑定码'
          value={code}
          onChange={setCode}
          placeholder='请输入绑定码'
          maxlength={32}
          hint='绑定码由系统管理员发放给企业联系人，仅可使用一次。'
        />
      </View>
      {error ? <ErrorBox message={error} /> : null}
      <Button id='btn-submit' className={busy ? 'btn btn--disabled' : 'btn'} hoverClass='btn--hover' onClick={() => void submit()}>
        {busy ? '正在提交…' : '确认绑定'}
      </Button>
      <Text className='hint hint--footer'>
        没有绑定码？请联系当地执法监督部门或系统管理员。
      </Text>
    </PageShell>
  )
}
