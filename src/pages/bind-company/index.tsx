import { useState } from 'react'
import { bindEnterprise } from '@/services/account/bind-enterprise'
import { BindPage } from '@/components/BindPage'
import { FormField } from '@/components/FormField'

const USCC_LENGTH = 18

export default function BindCompany() {
  const [uscc, setUscc] = useState('')
  const value = uscc.trim().toUpperCase()

  return (
    <BindPage
      id='page-bind-company'
      title='绑定企业'
      subtitle='绑定后可核验来访执法人员、评价检查、投诉举报。'
      codeHint='绑定码由系统管理员发放给企业联系人，仅可使用一次。'
      footer='没有绑定码？请联系当地执法监督部门或系统管理员。'
      success={{ title: '企业绑定成功', detail: '即将返回首页，可核验执法人员、查看检查记录。' }}
      problem={(code) => (value.length !== USCC_LENGTH ? `统一社会信用代码应为 ${USCC_LENGTH} 位（当前 ${value.length} 位）` : !code ? '请填写绑定码' : '')}
      send={(code) => bindEnterprise({ uscc: value, code })}
    >
      <FormField
        id='input-uscc'
        label='统一社会信用代码'
        value={uscc}
        onChange={(v) => setUscc(v.toUpperCase().replace(/\s+/g, ''))}
        placeholder='18位，见营业执照'
        maxlength={USCC_LENGTH}
        hint={`已输入 ${uscc.length}/${USCC_LENGTH} 位`}
      />
    </BindPage>
  )
}
