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
  return orderTodo(lists.flat(), context.now)
}
