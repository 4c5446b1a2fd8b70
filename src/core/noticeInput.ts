import { parseAudience, type Audience } from './audience.js'
import { isIsoDate } from './dates.js'
import type { BodyFormat, CampaignInput, CloseCampaignInput, NoticeInput, NoticeKind } from './noticeProtocol.js'
import type { Text } from './text.js'

export const MAX_NOTICE_TITLE = 200
export const MAX_NOTICE_BODY = 20_000
/** A campaign runs for at most a school year: longer is almost certainly a typo in the year. */
export const MAX_CAMPAIGN_DAYS = 366

/** One problem with a notice or campaign the bureau composed, in both languages. */
export type InputIssue = { readonly field: string; readonly message: Text }
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly InputIssue[] }

const kinds: readonly NoticeKind[] = ['notice', 'bulletin']
const formats: readonly BodyFormat[] = ['text', 'markdown']

function text(raw: Record<string, unknown>, field: string, max: number, label: Text, issues: InputIssue[]): string {
  const value = raw[field]
  const trimmed = typeof value === 'string' ? value.trim() : ''
  if (trimmed === '') issues.push({ field, message: { zh: `请填写${label.zh}`, en: `Enter the ${label.en}` } })
  else if (trimmed.length > max) issues.push({ field, message: { zh: `${label.zh}最多 ${max} 个字`, en: `The ${label.en} has at most ${max} characters` } })
  return trimmed
}

function format(raw: Record<string, unknown>, field: string, issues: InputIssue[]): BodyFormat {
  const value = raw[field] ?? 'text'
  if (formats.includes(value as BodyFormat)) return value as BodyFormat
  issues.push({ field, message: { zh: '正文格式只能是纯文本或 Markdown', en: 'The body format is text or markdown' } })
  return 'text'
}

function audience(raw: Record<string, unknown>, issues: InputIssue[]): Audience {
  const parsed = parseAudience(raw['audience'])
  if (parsed) return parsed
  issues.push({ field: 'audience', message: { zh: '发送对象格式不对：学校类型、乡镇或学校列表', en: 'The audience is school kinds, townships or a list of schools' } })
  return { kinds: [], townships: [], schoolIds: [] }
}

function districtId(raw: Record<string, unknown>): { districtId?: string } {
  const value = raw['districtId']
  return typeof value === 'string' && value !== '' ? { districtId: value } : {}
}

function objectOf(input: unknown): Record<string, unknown> {
  return input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {}
}

export function checkNoticeInput(input: unknown): Checked<NoticeInput> {
  const raw = objectOf(input)
  const issues: InputIssue[] = []
  const kind = raw['kind'] ?? 'notice'
  if (!kinds.includes(kind as NoticeKind)) issues.push({ field: 'kind', message: { zh: '类型只能是通知或通报', en: 'The kind is notice or bulletin' } })
  const value: NoticeInput = {
    kind: kind as NoticeKind,
    title: text(raw, 'title', MAX_NOTICE_TITLE, { zh: '标题', en: 'title' }, issues),
    body: text(raw, 'body', MAX_NOTICE_BODY, { zh: '正文', en: 'body' }, issues),
    bodyFormat: format(raw, 'bodyFormat', issues),
    audience: audience(raw, issues),
    ...districtId(raw),
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value }
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000
}

export function checkCampaignInput(input: unknown): Checked<CampaignInput> {
  const raw = objectOf(input)
  const issues: InputIssue[] = []
  const formId = typeof raw['formId'] === 'string' ? raw['formId'].trim() : ''
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(formId)) issues.push({ field: 'formId', message: { zh: '请选择检查表', en: 'Choose the checklist form' } })
  const version = raw['formVersion'] ?? null
  if (version !== null && !(Number.isInteger(version) && (version as number) >= 1)) {
    issues.push({ field: 'formVersion', message: { zh: '检查表版本应为正整数', en: 'The checklist version is a positive whole number' } })
  }
  const opensOn = raw['opensOn']
  const closesOn = raw['closesOn']
  if (!isIsoDate(opensOn)) issues.push({ field: 'opensOn', message: { zh: '请填写有效的开始日期', en: 'Enter a valid start date' } })
  if (!isIsoDate(closesOn)) issues.push({ field: 'closesOn', message: { zh: '请填写有效的截止日期', en: 'Enter a valid closing date' } })
  if (isIsoDate(opensOn) && isIsoDate(closesOn)) {
    const days = daysBetween(opensOn, closesOn)
    if (days < 0) issues.push({ field: 'closesOn', message: { zh: '截止日期不能早于开始日期', en: 'The closing date cannot be before the start date' } })
    else if (days > MAX_CAMPAIGN_DAYS) issues.push({ field: 'closesOn', message: { zh: `检查时间最长 ${MAX_CAMPAIGN_DAYS} 天`, en: `A campaign runs for at most ${MAX_CAMPAIGN_DAYS} days` } })
  }
  const value: CampaignInput = {
    title: text(raw, 'title', MAX_NOTICE_TITLE, { zh: '标题', en: 'title' }, issues),
    instructions: text(raw, 'instructions', MAX_NOTICE_BODY, { zh: '部署通知', en: 'instructions' }, issues),
    instructionsFormat: format(raw, 'instructionsFormat', issues),
    formId,
    formVersion: version as number | null,
    audience: audience(raw, issues),
    opensOn: String(opensOn),
    closesOn: String(closesOn),
    ...districtId(raw),
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value }
}

export function checkCloseCampaignInput(input: unknown): Checked<CloseCampaignInput> {
  const raw = objectOf(input)
  const issues: InputIssue[] = []
  const value: CloseCampaignInput = {
    title: text(raw, 'title', MAX_NOTICE_TITLE, { zh: '通报标题', en: 'bulletin title' }, issues),
    body: text(raw, 'body', MAX_NOTICE_BODY, { zh: '通报正文', en: 'bulletin body' }, issues),
    bodyFormat: format(raw, 'bodyFormat', issues),
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value }
}
