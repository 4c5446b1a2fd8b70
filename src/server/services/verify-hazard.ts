import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { isIsoDate } from '../../core/dates.js'
import { rectifiedBy, rectifierMayNotDecide, verifyTransition } from '../../core/hazardLifecycle.js'
import { issueMessage } from '../../core/messages.js'
import type { Hazard, HazardStatus, User, VerifyHazardRequest } from '../../core/protocol.js'
import { ApiHttpError, bilingual } from '../api-error.js'
import { visibleSchoolIds } from '../auth/scope.js'
import type { Database } from '../db/schema.js'
import { addHazardEvents } from './hazard-events.js'
import { findHazard } from './list-hazards.js'
import { recordAudit } from './record-audit.js'

/**
 * 销号 or send back: the bureau or an inspector of the hazard's district closes a hazard or
 * reopens it with a reason. The role is checked by the route; the district here.
 */
export async function verifyHazard(
  db: Kysely<Database>,
  user: User,
  hazardId: string,
  request: VerifyHazardRequest,
  now: Date,
): Promise<Hazard> {
  const hazard = await findHazard(db, hazardId)
  const scope = await visibleSchoolIds(db, user)
  // Another district's hazard looks exactly like no hazard.
  if (!hazard || (scope !== 'all' && !scope.includes(hazard.schoolId))) throw new ApiHttpError('not_found', 'No such hazard')
  const reason = request.reason?.trim() ?? ''
  if (request.action === 'reopen' && reason === '') throw new ApiHttpError('bad_request', 'Say why the hazard is reopened')
  if (request.deadline !== undefined && (request.action !== 'reopen' || !isIsoDate(request.deadline))) {
    throw new ApiHttpError('bad_request', 'A new deadline (YYYY-MM-DD) goes only with a reopen')
  }
  const next = verifyTransition(hazard.status, request.action)
  if (next === null) throw new ApiHttpError('conflict', `A hazard that is ${hazard.status} cannot be ${request.action === 'close' ? 'closed' : 'reopened'}`)
  // The status update below is conditional on the status read with this history, so a newer
  // rectification arriving meanwhile turns the decision into a conflict rather than slipping past.
  const decision = { status: hazard.status, action: request.action, movesDeadline: request.deadline !== undefined, rectifiedBy: rectifiedBy(hazard.history), userId: user.id }
  if (rectifierMayNotDecide(decision)) {
    const message = issueMessage('rectifierCannotVerify')
    throw new ApiHttpError('forbidden', bilingual(message), [{ fieldId: 'action', code: 'rectifierCannotVerify', severity: 'error', message }])
  }
  const at = now.toISOString()
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('hazards')
      .set({ status: next, updated_at: at, ...(request.deadline === undefined ? {} : { deadline: request.deadline }) })
      .where('id', '=', hazard.id)
      // Only from the status this decision was made on: a rectification arriving meanwhile wins.
      .where('status', '=', hazard.status satisfies HazardStatus)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0) throw new ApiHttpError('conflict', 'The hazard changed meanwhile; look again')
    await addHazardEvents(trx, [
      {
        id: uuidv7(),
        hazardId: hazard.id,
        kind: request.action === 'close' ? 'closed' : 'reopened',
        at,
        userId: user.id,
        ...(reason === '' ? {} : { note: reason }),
        ...(request.deadline === undefined ? {} : { deadline: request.deadline }),
      },
    ])
    // A bureau action: it lands in the audit log with the change itself.
    await recordAudit(trx, {
      action: 'hazard_verified', at: now, actor: user, schoolId: hazard.schoolId, subjectId: hazard.id,
      details: { outcome: next, ...(reason === '' ? {} : { reason }), ...(request.deadline === undefined ? {} : { deadline: request.deadline }) },
    })
  })
  const after = await findHazard(db, hazard.id)
  if (!after) throw new Error(`hazard ${hazard.id} vanished`)
  return after
}

