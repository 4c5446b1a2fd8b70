import type { TodoItem } from './todo.js'

/**
 * The bureau's day: every "how late" and every ETag date is counted in it, whatever the device's
 * or server's zone. The to-do is the phone's first screen, so its calendar comes from the
 * platform's own time-zone database (Intl, in every browser and in Node) rather than from
 * date-fns/tz, which cost ~2 KB gzip there; the schedules' arithmetic keeps date-fns.
 */
const shanghaiParts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' })

/** The Shanghai calendar date of an instant, as a UTC midnight (so two of them subtract to whole days). */
function shanghaiDay(instant: Date): number {
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(shanghaiParts.formatToParts(instant).find((item) => item.type === type)?.value)
  return Date.UTC(part('year'), part('month') - 1, part('day'))
}

const DAY_MS = 86_400_000

function differenceInShanghaiDays(later: Date, earlier: Date): number {
  return Math.round((shanghaiDay(later) - shanghaiDay(earlier)) / DAY_MS)
}

/** Today's date in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiToday(now: Date): string {
  return new Date(shanghaiDay(now)).toISOString().slice(0, 10)
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
  return Math.max(1, differenceInShanghaiDays(now, due))
}

/** Whole Shanghai calendar days until the deadline (0 on its last day), or null when there is none. */
export function daysLeft(item: Pick<TodoItem, 'dueAt'>, now: Date): number | null {
  if (item.dueAt === null) return null
  return differenceInShanghaiDays(new Date(item.dueAt), now)
}

/**
 * The 待办's one order, on the server and on the phone alike: overdue first, the latest at the top;
 * then the rest by deadline, soonest first; undated last. Ties keep a stable order by key.
 */
export function orderTodo<T extends TodoItem>(items: readonly T[], now: Date): T[] {
  const rank = (item: T): number => {
    const late = daysLate(item, now)
    if (late > 0) return -late
    // Not late: by the deadline's instant, after every overdue item; undated after all of them.
    return item.dueAt === null ? Infinity : Date.parse(item.dueAt)
  }
  return items
    .map((item) => ({ item, rank: rank(item) }))
    .sort((a, b) => (a.rank === b.rank ? (a.item.key < b.item.key ? -1 : 1) : a.rank < b.rank ? -1 : 1))
    .map(({ item }) => item)
}
