import type { TodoItem } from '../../../core/todo.js'
import { TODO_GROUPS, todoGroupOf, type TodoGroup } from '../../../core/todoGroups.js'
import { daysLate, daysLeft, orderTodo } from '../../../core/todoOrder.js'
import type { OutboxRecord } from '../../offline/outbox.js'

/** One line of the 待办 screen as the phone sees it now, from the last pull and its own outbox. */
export type TodoRow = {
  readonly item: TodoItem
  readonly group: TodoGroup
  /** Whole days past the deadline in Asia/Shanghai, by the phone's clock. */
  readonly late: number
  readonly left: number | null
  /** Done on this phone, waiting in the outbox: the server has not seen it yet (已提交，待送达). */
  readonly pending: boolean
}

/** What the list reads of an outbox record: enough to tell an item done on this phone (and to remember it, firstPaint.ts). */
export type OutboxMark = Pick<OutboxRecord, 'state' | 'formId' | 'period' | 'subjectId'>

/** Done and on its way: drafts and refused reports are not done. */
export function undelivered(record: OutboxMark): boolean {
  return record.state === 'queued' || record.state === 'sending'
}

export type TodoSection = { readonly group: TodoGroup; readonly rows: readonly TodoRow[] }

/** What an item is about, where the outbox names it as a submission's subject. */
function subjectOf(item: TodoItem): string | undefined {
  if ('hazardId' in item) return item.hazardId
  if ('versionId' in item) return item.versionId
  if ('noticeId' in item) return item.noticeId
  if ('campaignId' in item) return item.campaignId
  return undefined
}

/**
 * Whether the outbox holds, still undelivered, what this item asks for: a report of that form and
 * period, a campaign's checklist filed for that campaign, or a submission about that hazard,
 * pledge, notice or campaign. Drafts and refused reports do not count: they are not done.
 */
export function doneOnPhone(item: TodoItem, records: readonly OutboxMark[]): boolean {
  const subject = subjectOf(item)
  const report = 'period' in item && 'formId' in item ? item : undefined
  return records.some((record) => {
    if (!undelivered(record)) return false
    // A campaign's checklist is done by a report filed for the campaign, whatever its period; a
    // routine report of the same form is not it.
    if (report !== undefined && subject !== undefined) return record.formId === report.formId && record.subjectId === subject
    if (report !== undefined) return record.formId === report.formId && record.period === report.period
    return subject !== undefined && record.subjectId === subject
  })
}

/** The 待办 in its one order, under its headings (empty headings left out), as of `now`. */
export function todoSections(items: readonly TodoItem[], records: readonly OutboxMark[], now: Date): TodoSection[] {
  const rows = orderTodo(items, now).map(
    (item): TodoRow => ({ item, group: todoGroupOf(item, now), late: daysLate(item, now), left: daysLeft(item, now), pending: doneOnPhone(item, records) }),
  )
  return TODO_GROUPS.map((group) => ({ group, rows: rows.filter((row) => row.group === group) })).filter((section) => section.rows.length > 0)
}

/** The count on the tab and the app icon: what is still owed, not what waits to be delivered. */
export function owedCount(sections: readonly TodoSection[]): number {
  return sections.reduce((sum, section) => sum + section.rows.filter((row) => !row.pending).length, 0)
}
