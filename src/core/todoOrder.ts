import { tz } from '@date-fns/tz'
import { differenceInCalendarDays, format } from 'date-fns'
import type { TodoItem } from './todo.js'

/** The bureau's day: every "how late" and every ETag date is counted in it, whatever the device's or server's zone. */
const shanghai = tz('Asia/Shanghai')

/** Today's date in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiToday(now: Date): string {
  return format(now, 'yyyy-MM-dd', { in: shanghai })
}

/** The end of a Shanghai calendar day as TodoItem.dueAt wants it (China keeps +08:00 all year). */
export function endOfShanghaiDay(date: string): string {
  return `${date}T23:59:59+08:00`
}

/**
 * Whole Shanghai calendar days an item is past its deadline; 0 while it is not yet due (or has
 * none). An item past its hour on its last day counts as one day late, so 逾期 never reads "0 天".
 */
export function daysLate(item: Pick<TodoItem, 'dueAt'>, now: Date): number {
  if (item.dueAt === null) return 0
  const due = new Date(item.dueAt)
  if (now.getTime() <= due.getTime()) return 0
  return Math.max(1, differenceInCalendarDays(now, due, { in: shanghai }))
}

/** Whole Shanghai calendar days until the deadline (0 on its last day), or null when there is none. */
export function daysLeft(item: Pick<TodoItem, 'dueAt'>, now: Date): number | null {
  if (item.dueAt === null) return null
  return differenceInCalendarDays(new Date(item.dueAt), now, { in: shanghai })
}

/**
 * The 待办's one order, on the server and on the phone alike: overdue first, the latest at the top;
 * then the rest by deadline, soonest first; undated last. Ties keep a stable order by key.
 */
export function orderTodo<T extends TodoItem>(items: readonly T[], now: Date): T[] {
  const rank = (item: T): [number, number] => {
    const late = daysLate(item, now)
    if (late > 0) return [0, -late]
    if (item.dueAt === null) return [2, 0]
    return [1, new Date(item.dueAt).getTime()]
  }
  return items
    .map((item) => ({ item, rank: rank(item) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || compareDue(a.item, b.item) || (a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0))
    .map(({ item }) => item)
}

/** Among equally late items, the earlier deadline first. */
function compareDue(a: TodoItem, b: TodoItem): number {
  if (a.dueAt === null || b.dueAt === null) return 0
  return new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime()
}
