import type { HazardTodo } from '../../../core/todo.js'
import { endOfShanghaiDay } from '../../../core/todoOrder.js'
import type { Severity } from '../../../core/forms/types.js'
import type { TodoSource } from './source.js'

/**
 * The school's open hazards: found (or reopened by the bureau) and not yet rectified. A rectified
 * one waits on the bureau, not on the school, so it is off the school's 待办 until reopened.
 */
export const hazardSource: TodoSource = async ({ db, schoolId }) => {
  const rows = await db
    .selectFrom('hazards')
    .select(['id', 'description', 'severity', 'deadline'])
    .where('school_id', '=', schoolId)
    .where('status', '=', 'open')
    .execute()
  return rows.map(
    (row): HazardTodo => ({
      key: `hazard:${row.id}`,
      kind: 'hazard',
      // The school's own words: they are the same in both languages.
      title: { zh: row.description, en: row.description },
      dueAt: endOfShanghaiDay(row.deadline),
      link: `/hazards/${encodeURIComponent(row.id)}`,
      hazardId: row.id,
      severity: row.severity as Severity,
    }),
  )
}
