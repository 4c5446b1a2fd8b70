import type { NoticeTodo } from '../../../core/todo.js'
import type { TodoSource } from './source.js'

/** Notices sent to the school that this person has not read yet (reads are per person). */
export const noticeSource: TodoSource = async ({ db, user, schoolId }) => {
  const rows = await db
    .selectFrom('notices')
    .innerJoin('notice_targets', 'notice_targets.notice_id', 'notices.id')
    .select(['notices.id', 'notices.title', 'notices.kind'])
    .where('notice_targets.school_id', '=', schoolId)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('notice_reads').select('notice_reads.id').whereRef('notice_reads.notice_id', '=', 'notices.id').where('notice_reads.user_id', '=', user.id))),
    )
    .orderBy('notices.published_at', 'desc')
    .execute()
  return rows.map((row): NoticeTodo => ({
    key: `notice:${row.id}`,
    kind: 'notice',
    // The bureau writes one title; both languages show it as written.
    title: { zh: row.title, en: row.title },
    dueAt: null,
    link: `/notices/${row.id}`,
    noticeId: row.id,
  }))
}
