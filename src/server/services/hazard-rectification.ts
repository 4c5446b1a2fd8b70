import type { Kysely } from 'kysely'
import { canRectify } from '../../core/hazardLifecycle.js'
import { issueMessage, type IssueCode } from '../../core/messages.js'
import type { HazardStatus, SubmissionEnvelope, SubmitResult, User } from '../../core/protocol.js'
import { apiError } from '../api-error.js'
import type { Database } from '../db/schema.js'
import { addHazardEvents } from './hazard-events.js'

type Db = Kysely<Database>

export type RectificationCheck =
  | { readonly kind: 'ok'; readonly hazardId: string }
  | { readonly kind: 'refused'; readonly result: SubmitResult }

/** Thrown inside the transaction when the hazard moved on meanwhile: nothing of the report is kept. */
export class RectificationRefused extends Error {
  readonly result: SubmitResult
  constructor(result: SubmitResult) {
    super('rectification refused')
    this.result = result
  }
}

function refusal(id: string, code: IssueCode): SubmitResult {
  const issue = { fieldId: 'subjectId', code, severity: 'error' as const, message: issueMessage(code) }
  return { id, status: 'rejected', error: apiError('validation_failed', issue.message.en, [issue]) }
}

/**
 * A rectification names its hazard in subjectId. It must be a hazard of the school the report
 * is filed for (the caller may file for that school: ingest checked it) and still open.
 * Unknown and other schools' hazards get the same answer: an id reveals nothing.
 */
export async function checkRectification(db: Db, envelope: SubmissionEnvelope): Promise<RectificationCheck> {
  if (envelope.subjectId === undefined) return { kind: 'refused', result: refusal(envelope.id, 'hazardUnknown') }
  const hazard = await db
    .selectFrom('hazards')
    .select(['id', 'school_id', 'status'])
    .where('id', '=', envelope.subjectId)
    .executeTakeFirst()
  if (!hazard || hazard.school_id !== envelope.schoolId) return { kind: 'refused', result: refusal(envelope.id, 'hazardUnknown') }
  if (!canRectify(hazard.status as HazardStatus)) return { kind: 'refused', result: refusal(envelope.id, 'hazardNotOpen') }
  return { kind: 'ok', hazardId: hazard.id }
}

/** Marks the hazard rectified and records the step, in the submission's own transaction. */
export async function recordRectification(
  trx: Db,
  user: User,
  envelope: SubmissionEnvelope,
  hazardId: string,
  at: string,
): Promise<void> {
  // Conditional on 'open': a verification or a second phone that got there first wins cleanly.
  const updated = await trx
    .updateTable('hazards')
    .set({ status: 'rectified', updated_at: at })
    .where('id', '=', hazardId)
    .where('status', '=', 'open')
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) === 0) throw new RectificationRefused(refusal(envelope.id, 'hazardNotOpen'))
  const measures = envelope.answers['measures']
  await addHazardEvents(trx, [
    {
      id: `${envelope.id}:rectified`,
      hazardId,
      kind: 'rectified',
      at,
      userId: user.id,
      submissionId: envelope.id,
      ...(typeof measures === 'string' ? { note: measures } : {}),
      photos: envelope.attachments,
    },
  ])
}
