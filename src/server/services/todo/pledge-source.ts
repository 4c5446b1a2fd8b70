import type { PledgeTodo } from '../../../core/todo.js'
import { endOfShanghaiDay } from '../../../core/todoOrder.js'
import { listPledgesFor } from '../list-pledges.js'
import type { TodoSource } from './source.js'

/**
 * The pledge versions this user's role must sign and nobody has signed for them yet (the school's
 * signing for principal pledges, the person's own for staff pledges: list-pledges decides). Only a
 * current version: once a newer one is published, that one is what is owed.
 */
export const pledgeSource: TodoSource = async ({ db, user }) => {
  const { pledges } = await listPledgesFor(db, user)
  return pledges
    .filter((pledge) => pledge.current && pledge.signature === null)
    .map(
      (pledge): PledgeTodo => ({
        key: `pledge:${pledge.id}`,
        kind: 'pledge',
        title: pledge.title,
        dueAt: endOfShanghaiDay(pledge.dueDate),
        link: `/pledges/${encodeURIComponent(pledge.id)}/sign`,
        versionId: pledge.id,
      }),
    )
}
