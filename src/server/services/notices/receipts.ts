import type { Kysely } from 'kysely'
import type { IssueCode } from '../../../core/messages.js'
import type { SubmissionEnvelope, SubmitResult, User } from '../../../core/protocol.js'
import { CAMPAIGN_ACK_FORM_ID } from '../../../core/receipts.js'
import { apiError, bilingual } from '../../api-error.js'
import type { Database } from '../../db/schema.js'
import { subjectRefusal } from '../subject-refusal.js'
import { isSchoolUser } from './notice-scope.js'

type Db = Kysely<Database>

/** A notice read or campaign acknowledgement that passed every check, recorded with its submission. */
export type Receipt = {
  readonly kind: 'notice' | 'campaign'
  readonly id: string
  readonly subjectId: string
  readonly schoolId: string
  readonly userId: string
  readonly at: string
}

export type ReceiptCheck = { readonly kind: 'ok'; readonly receipt: Receipt } | { readonly kind: 'refused'; readonly result: SubmitResult }

function refused(id: string, code: IssueCode): ReceiptCheck {
  return { kind: 'refused', result: subjectRefusal(id, code) }
}

async function isTargeted(db: Db, kind: Receipt['kind'], subjectId: string, schoolId: string): Promise<boolean> {
  const row =
    kind === 'notice'
      ? await db.selectFrom('notice_targets').select('school_id').where('notice_id', '=', subjectId).where('school_id', '=', schoolId).executeTakeFirst()
      : await db.selectFrom('campaign_targets').select('school_id').where('campaign_id', '=', subjectId).where('school_id', '=', schoolId).executeTakeFirst()
  return row !== undefined
}

/** The stored read (per person) or acknowledgement (per school) this one repeats, as its receipt. */
async function heldFor(db: Db, receipt: Receipt): Promise<SubmitResult | undefined> {
  const row =
    receipt.kind === 'notice'
      ? await db
          .selectFrom('notice_reads')
          .innerJoin('submissions', 'submissions.id', 'notice_reads.id')
          .select(['submissions.digest', 'submissions.received_at'])
          .where('notice_reads.notice_id', '=', receipt.subjectId)
          .where('notice_reads.user_id', '=', receipt.userId)
          .executeTakeFirst()
      : await db
          .selectFrom('campaign_acks')
          .innerJoin('submissions', 'submissions.id', 'campaign_acks.id')
          .select(['submissions.digest', 'submissions.received_at'])
          .where('campaign_acks.campaign_id', '=', receipt.subjectId)
          .where('campaign_acks.school_id', '=', receipt.schoolId)
          .executeTakeFirst()
  return row && { id: receipt.id, status: 'duplicate', receivedAt: row.received_at, digest: row.digest }
}

/**
 * A read or acknowledgement that passed the form's validation: from the school's own people,
 * for a notice or campaign targeted at that school (anything else looks unknown, so the answer
 * says nothing of other schools' notices). A second one for the same person (read) or school
 * (acknowledgement) is answered `duplicate` with the first one's receipt, like a pledge signed
 * twice: the phone stops resending and nothing second is stored.
 */
export async function checkReceipt(db: Db, user: User, envelope: SubmissionEnvelope): Promise<ReceiptCheck> {
  const { id } = envelope
  const kind = envelope.formId === CAMPAIGN_ACK_FORM_ID ? 'campaign' : 'notice'
  if (!isSchoolUser(user) || user.schoolId !== envelope.schoolId) {
    const message = { zh: '只有本校人员可以确认已阅', en: 'Only the school\'s own people confirm they have read it' }
    return { kind: 'refused', result: { id, status: 'rejected', error: apiError('forbidden', bilingual(message)) } }
  }
  const unknown = kind === 'notice' ? 'noticeUnknown' : 'campaignUnknown'
  if (envelope.subjectId === undefined || !(await isTargeted(db, kind, envelope.subjectId, envelope.schoolId))) return refused(id, unknown)
  const receipt: Receipt = { kind, id, subjectId: envelope.subjectId, schoolId: envelope.schoolId, userId: user.id, at: envelope.completedAt }
  const held = await heldFor(db, receipt)
  return held ? { kind: 'refused', result: held } : { kind: 'ok', receipt }
}

/** Inside the submission's transaction. False when another read or acknowledgement won the unique key. */
export async function recordReceipt(trx: Db, receipt: Receipt, receivedAt: string): Promise<boolean> {
  const base = { id: receipt.id, school_id: receipt.schoolId, user_id: receipt.userId, received_at: receivedAt }
  const inserted =
    receipt.kind === 'notice'
      ? await trx
          .insertInto('notice_reads')
          .values({ ...base, notice_id: receipt.subjectId, read_at: receipt.at })
          .onConflict((oc) => oc.columns(['notice_id', 'user_id']).doNothing())
          .returning('id')
          .executeTakeFirst()
      : await trx
          .insertInto('campaign_acks')
          .values({ ...base, campaign_id: receipt.subjectId, acked_at: receipt.at })
          .onConflict((oc) => oc.columns(['campaign_id', 'school_id']).doNothing())
          .returning('id')
          .executeTakeFirst()
  return inserted !== undefined
}

/** Thrown inside the ingest transaction to roll back the submission row of a lost race. */
export class ReceiptAlreadyHeld extends Error {
  constructor(readonly receipt: Receipt) {
    super(`${receipt.kind} ${receipt.subjectId} already confirmed`)
    this.name = 'ReceiptAlreadyHeld'
  }
}

export async function alreadyConfirmed(db: Db, receipt: Receipt): Promise<SubmitResult> {
  const held = await heldFor(db, receipt)
  if (!held) throw new Error(`receipt ${receipt.id} collided with no stored receipt`)
  return held
}
