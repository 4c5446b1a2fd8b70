import { shanghaiTimestamp } from '../../../core/autoReminders.js'
import { periodWords } from '../../../core/reminderMessage.js'
import type { ReminderTodo } from '../../../core/todo.js'
import { loadFormLabels } from '../form-labels.js'
import { obligationsOfSchool } from '../obligations.js'
import type { TodoSource } from './source.js'

/** Reminders older than this have done their work; the report's own to-do line still stands. */
const SHOWN_DAYS = 90

/**
 * 催报 reminders to the school for reports it has still not filed: one line per form and period
 * (the latest reminder), gone from the list as soon as a report for it arrives.
 */
export const reminderSource: TodoSource = async ({ db, schoolId, now }) => {
  const since = new Date(now.getTime() - SHOWN_DAYS * 86_400_000).toISOString()
  const rows = await db.selectFrom('reminders')
    .select(['id', 'form_id', 'period', 'created_at'])
    .where('school_id', '=', schoolId)
    .where('created_at', '>=', since)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('submissions').select('submissions.id')
      .whereRef('submissions.school_id', '=', 'reminders.school_id').whereRef('submissions.form_id', '=', 'reminders.form_id').whereRef('submissions.period', '=', 'reminders.period'))))
    .orderBy('created_at', 'desc').orderBy('id', 'desc')
    .execute()
  if (rows.length === 0) return []
  const labels = await loadFormLabels(db)
  // What the school owes says when each reminded report is due (the earlier of two schedules').
  const dueAt = new Map<string, string>()
  for (const owed of await obligationsOfSchool(db, schoolId, now)) if (!dueAt.has(`${owed.formId}/${owed.period}`)) dueAt.set(`${owed.formId}/${owed.period}`, owed.dueAt)
  const latest = new Map<string, (typeof rows)[number]>()
  for (const row of rows) if (!latest.has(`${row.form_id}/${row.period}`)) latest.set(`${row.form_id}/${row.period}`, row)
  return [...latest.values()].map((row): ReminderTodo => {
    const title = labels.title(row.form_id)
    const due = dueAt.get(`${row.form_id}/${row.period}`)
    return {
      key: `reminder:${row.form_id}:${row.period}`,
      kind: 'reminder',
      title: { zh: `催报：${title.zh}（${periodWords(row.period).zh}）`, en: `Reminder: ${title.en} (${periodWords(row.period).en})` },
      dueAt: due === undefined ? null : shanghaiTimestamp(due),
      link: `/new/${encodeURIComponent(row.form_id)}?period=${encodeURIComponent(row.period)}`,
      reminderId: row.id,
      formId: row.form_id,
      period: row.period,
    }
  })
}
