import type { Text } from './text.js'

/** Validation messages live in core: the server returns the same words the phone shows. */
export type IssueCode =
  | 'required'
  | 'unknownField'
  | 'type'
  | 'integer'
  | 'min'
  | 'max'
  | 'maxLength'
  | 'option'
  | 'date'
  | 'hash'
  | 'pledgeUnknown'
  | 'pledgeTextChanged'
  | 'pledgeSuperseded'
  | 'noticeUnknown'
  | 'campaignUnknown'
  | 'campaignFormMismatch'
  | 'tooMany'
  | 'location'
  | 'hazardRequired'
  | 'hazardDescription'
  | 'hazardDeadline'
  | 'attachmentMissing'
  | 'attachmentUnused'
  | 'attachmentNotUploaded'
  | 'uploadQuota'
  | 'hazardUnknown'
  | 'hazardNotOpen'
  | 'rectifierCannotVerify'
  | 'lte'
  | 'sum'
  | 'rateChange'
  | 'hidden'
  | 'calculation'
  | 'repeatMin'
  | 'repeatMax'

export type IssueParams = { readonly [key: string]: string | number }

const templates: Record<IssueCode, Text> = {
  required: { zh: '此项必填', en: 'This is required' },
  unknownField: { zh: '表单中没有此项', en: 'This item is not part of the form' },
  type: { zh: '填写的内容格式不对', en: 'The answer has the wrong format' },
  integer: { zh: '请填写整数', en: 'Enter a whole number' },
  min: { zh: '不能小于 {limit}', en: 'Must be at least {limit}' },
  max: { zh: '不能大于 {limit}', en: 'Must be at most {limit}' },
  maxLength: { zh: '最多 {limit} 个字', en: 'At most {limit} characters' },
  option: { zh: '请从选项中选择', en: 'Choose one of the options' },
  date: { zh: '请填写有效日期', en: 'Enter a valid date' },
  hash: { zh: '照片或签名数据无效', en: 'Photo or signature data is invalid' },
  pledgeUnknown: { zh: '没有这份责任书', en: 'There is no such pledge' },
  pledgeTextChanged: {
    zh: '签署的文本与服务器上的这一版本不一致，请同步后重新阅读并签署',
    en: 'The text you signed differs from this version on the server: sync, read it again and sign',
  },
  pledgeSuperseded: {
    zh: '这份责任书已发布新版本，请同步后阅读并签署新版本',
    en: 'A new version of this pledge was published: sync, then read and sign the new version',
  },
  noticeUnknown: { zh: '没有这条通知，或它不是发给本校的', en: 'There is no such notice for this school' },
  campaignUnknown: { zh: '没有这项专项检查，或它不是部署给本校的', en: 'There is no such campaign for this school' },
  campaignFormMismatch: {
    zh: '这份报告的表单或版本不是该专项检查要求的检查表，不能作为专项检查上报',
    en: 'This report is not on the checklist form or version the campaign asks for, so it cannot be filed for it',
  },
  tooMany: { zh: '最多 {limit} 张', en: 'At most {limit} items' },
  location: { zh: '位置数据无效', en: 'Location data is invalid' },
  hazardRequired: { zh: '不合格项需登记隐患：描述、等级和整改期限', en: 'A failed item needs a hazard: description, severity and deadline' },
  hazardDescription: { zh: '请描述隐患情况', en: 'Describe the hazard' },
  hazardDeadline: { zh: '请填写有效的整改期限', en: 'Enter a valid rectification deadline' },
  attachmentMissing: { zh: '照片未随报告一起保存', en: 'A photo was not saved with the report' },
  attachmentUnused: { zh: '报告附带了未被任何填报项使用的照片或签名', en: 'The report lists a photo or signature that no answer uses' },
  attachmentNotUploaded: {
    zh: '照片或签名尚未由本单位上传到服务器，请同步后重新提交',
    en: 'A photo or signature has not been uploaded by your school or office: sync, then submit again',
  },
  uploadQuota: {
    zh: '本单位待提交的照片已超过 {limit} MB 上限，请先提交已拍照片的报告，稍后再上传',
    en: 'Your school or office holds more than {limit} MB of photos not yet in any report: submit those reports, then upload again',
  },
  hazardUnknown: { zh: '找不到这条隐患，或它不属于本校', en: 'There is no such hazard for this school' },
  hazardNotOpen: { zh: '这条隐患已整改或已销号，无需再次整改', en: 'This hazard is already rectified or closed' },
  rectifierCannotVerify: {
    zh: '这次整改由您本人提交，不能由您验收销号或重定整改期限，请由其他督查员或教育局验收',
    en: 'You filed the rectification, so you cannot close it or set a new deadline: another inspector or the bureau verifies it',
  },
  lte: { zh: '“{left}”不能大于“{right}”', en: '"{left}" cannot exceed "{right}"' },
  sum: { zh: '各项之和（{sum}）应等于“{total}”（{expected}）', en: 'The parts add up to {sum}, but "{total}" is {expected}' },
  rateChange: {
    zh: '“{rate}”为 {now}%，上期为 {before}%，变化超过 {limit} 个百分点，请核实',
    en: '"{rate}" is {now}%, last period it was {before}%: a change of more than {limit} points, please check',
  },
  hidden: {
    zh: '根据前面的回答，此项不适用，不应填写',
    en: 'Given the earlier answers this item does not apply and must be left out',
  },
  calculation: { zh: '计算结果应为 {expected}', en: 'The calculated value should be {expected}' },
  repeatMin: { zh: '至少需要填写 {limit} 项', en: 'At least {limit} entries are needed' },
  repeatMax: { zh: '最多只能填写 {limit} 项', en: 'At most {limit} entries are allowed' },
}

function fill(text: string, params: IssueParams): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key]
    return value === undefined ? whole : String(value)
  })
}

export function issueMessage(code: IssueCode, params: IssueParams = {}): Text {
  const template = templates[code]
  return { zh: fill(template.zh, params), en: fill(template.en, params) }
}
