import type { TodoItem } from './todo.js'
import { daysLate, daysLeft } from './todoOrder.js'

/** The headings of the phone's 待办, top to bottom. */
export const TODO_GROUPS = ['overdue', 'soon', 'period', 'hazard', 'pledge', 'unread'] as const
export type TodoGroup = (typeof TODO_GROUPS)[number]

/** A report due within this many days is "due soon" rather than "due this period". */
export const DUE_SOON_DAYS = 7

/**
 * The heading an item goes under. Anything overdue goes to the red group whatever its kind; the
 * rest by kind. The switch has no default: a new TodoKind does not compile until it has its row.
 */
export function todoGroupOf(item: TodoItem, now: Date): TodoGroup {
  if (daysLate(item, now) > 0) return 'overdue'
  switch (item.kind) {
    case 'report':
    case 'reminder': {
      const left = daysLeft(item, now)
      return left !== null && left <= DUE_SOON_DAYS ? 'soon' : 'period'
    }
    case 'hazard':
      return 'hazard'
    case 'pledge':
      return 'pledge'
    case 'notice':
    case 'campaign':
      return 'unread'
  }
}
