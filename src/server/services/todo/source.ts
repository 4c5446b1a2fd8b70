import type { Kysely } from 'kysely'
import type { User } from '../../../core/protocol.js'
import type { TodoItem } from '../../../core/todo.js'
import type { Database } from '../../db/schema.js'

/** What every to-do source is given: the signed-in school user and the one clock of the request. */
export type TodoContext = {
  readonly db: Kysely<Database>
  readonly user: User
  readonly schoolId: string
  readonly districtId: string
  readonly now: Date
}

/**
 * One kind of work on a school's 待办. Each source lives in its own file in this folder and is
 * listed once in sources.ts; GET /api/v1/todo merges and orders what they return.
 */
export type TodoSource = (context: TodoContext) => Promise<readonly TodoItem[]>
