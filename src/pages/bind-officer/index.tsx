import { useState } from 'react'
import { bindOfficer } from '@/services/account/bind-officer'
import { BindPage } from '@/components/BindPage'
import { FormField } from '@/components/FormField'

export default function BindOfficer() {
  const [certNo, setCertNo] = useState('')
  const [name, setName] = useState('')

  return (
    <BindPage
      id='page-bind-officer'
      title='绑定执法证'
      subtitle='绑定后，您的微信即代表您本人的执法身份，请勿借给他人使用。'
      codeHint='绑定码由本单位执法单位管理员发放，仅可使用一次。'
      footer='证号或姓名有误、证件被暂扣的，请联系本单位管理员。'
      success={{ title: '执法证绑定成功', detail: `${name.trim()}，即将返回首页，可开始扫码入企。` }}
      problem={(code) => {
        const missing = [!certNo.trim() && '执法证号', !name.trim() && '姓名', !code && '绑定码'].filter(Boolean)
        return missing.length ? `请填写${missing.join('、')}` : ''
      }}
      send={(code) => bindOfficer({ certNo: certNo.trim(), name: name.trim(), code })}
    >
      <FormField id='input-certNo' label='执法证号' value={certNo} onChange={setCertNo} placeholder='请输入执法证上的证号' maxlength={40} />
      <FormField id='input-name' label='姓名' value={name} onChange={setName} placeholder='与执法证一致' maxlength={40} />
    </BindPage>
  )
}
