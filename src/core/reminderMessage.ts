import type { ReminderOrigin } from './reminders.js'
import type { Text } from './text.js'

/** Names listed in one group message; the rest are counted (a robot message is capped at 4096 bytes). */
export const MESSAGE_MAX_SCHOOLS = 30

export type ReminderMessage = { readonly title: string; readonly text: string }

const lead: Record<ReminderOrigin, Text> = {
  manual: { zh: '催报', en: 'Reminder' },
  before: { zh: '即将到期提醒', en: 'Due soon' },
  after: { zh: '逾期未报提醒', en: 'Overdue' },
}

/** A period as people say it (the message is read in a chat, not beside a form): 2026-T1 → 2026年春季学期. */
export function periodWords(period: string): Text {
  const year = period.slice(0, 4)
  if (period.endsWith('-T1')) return { zh: `${year}年春季学期`, en: `spring term ${year}` }
  if (period.endsWith('-T2')) return { zh: `${year}年秋季学期`, en: `autumn term ${year}` }
  if (/^\d{4}-W\d{2}$/.test(period)) return { zh: `${year}年第${Number(period.slice(6))}周`, en: `week ${Number(period.slice(6))} of ${year}` }
  if (/^\d{4}-\d{2}$/.test(period)) return { zh: `${year}年${Number(period.slice(5))}月`, en: `${period.slice(5)}/${year}` }
  return { zh: `${year}年`, en: year }
}

/** Markdown-escapes a name so a school called "*A*" cannot restyle the message. */
function plain(value: string): string {
  return value.replace(/[\\`*_[\]()#>~|<]/g, (char) => `\\${char}`).replace(/\s+/g, ' ')
}

/**
 * The group message for a set of schools that have not filed a form for a period: Chinese first,
 * an English line after it, the same markdown for 企业微信 and 钉钉.
 */
export function reminderMessage(input: {
  readonly origin: ReminderOrigin
  readonly formTitle: Text
  readonly period: string
  readonly schoolNames: readonly string[]
  /** The Asia/Shanghai due day, YYYY-MM-DD, when known. */
  readonly dueDay: string | null
}): ReminderMessage {
  const names = [...input.schoolNames].sort((a, b) => a.localeCompare(b, 'zh-CN'))
  const shown = names.slice(0, MESSAGE_MAX_SCHOOLS).map((name) => `- ${plain(name)}`)
  const more = names.length - shown.length
  const when = periodWords(input.period)
  const title = `【${lead[input.origin].zh}】${input.formTitle.zh} ${when.zh}`
  const lines = [
    `### ${plain(title)}`,
    `以下 ${names.length} 所学校尚未报送《${plain(input.formTitle.zh)}》（${when.zh}）${input.dueDay ? `，截止日期 ${input.dueDay}` : ''}：`,
    ...shown,
    ...(more > 0 ? [`- ……等 ${more} 所`] : []),
    '请尽快在「校园填报」中提交。',
    '',
    `${lead[input.origin].en}: ${names.length} school(s) have not filed "${plain(input.formTitle.en)}" for ${when.en}${input.dueDay ? ` (due ${input.dueDay})` : ''}.`,
  ]
  return { title, text: lines.join('\n') }
}
