import type { TodoItem } from '../../../core/todo.js'
import { orderTodo } from '../../../core/todoOrder.js'
import type { TodoContext, TodoSource } from './source.js'

/**
 * Every source's items, in the 待办's one order. A source that fails fails the whole list: a
 * partial list would tell a school it owes less than it does, and the phone keeps its last
 * complete one when the pull fails.
 */
export async function listTodo(context: TodoContext, sources: readonly TodoSource[]): Promise<TodoItem[]> {
  const lists = await Promise.all(sources.map((source) => source(context)))
  return orderTodo(withoutChasedReports(lists.flat()), context.now)
}

/**
 * A 催报 stands in for the report it chases: one line, "催报：…", that opens the same form for the
 * same period, instead of the owed report and its reminder one under the other.
 */
export function withoutChasedReports(items: readonly TodoItem[]): TodoItem[] {
  const chased = new Set(items.flatMap((item) => (item.kind === 'reminder' ? [`${item.formId} ${item.period}`] : [])))
  return items.filter((item) => item.kind !== 'report' || item.campaignId !== undefined || !chased.has(`${item.formId} ${item.period}`))
}
