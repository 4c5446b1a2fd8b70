import type { ControlledTransaction, Kysely } from 'kysely'
import { canonicalJson, sha256Hex } from '../../core/digest.js'
import { checkEnvelopeShape, validateSubmission } from '../../core/envelope.js'
import type { FormTemplate } from '../../core/forms/types.js'
import { issueMessage } from '../../core/messages.js'
import { MAX_BATCH, type SubmissionEnvelope, type SubmitResult, type User } from '../../core/protocol.js'
import { hasErrors, type ValidationIssue } from '../../core/validate.js'
import { ApiHttpError, apiError } from '../api-error.js'
import { canFileFor, findSchool } from '../auth/scope.js'
import type { Database } from '../db/schema.js'
import { deriveReport } from './derive-report.js'
import { checkRectification, recordRectification, RectificationRefused } from './hazard-rectification.js'
import { idOf, isPlainObject, normaliseEnvelope } from './normalise-envelope.js'
import { alreadySigned, checkPledgeSigning, PledgeAlreadySigned, recordPledgeSigning, type PledgeSigning } from './pledge-signing.js'
import { recordFoundHazards } from './record-hazards.js'

type Db = Kysely<Database>
type Trx = ControlledTransaction<Database>

function rejected(id: string, issues: readonly ValidationIssue[], message = 'The report has problems'): SubmitResult {
  return { id, status: 'rejected', error: apiError('validation_failed', message, issues) }
}

function typeIssue(fieldId: string): ValidationIssue {
  return { fieldId, code: 'type', severity: 'error', message: issueMessage('type') }
}

/** A stored row with the same id: the same bytes are a duplicate, different bytes a conflict. */
async function priorOutcome(db: Db, id: string, digest: string): Promise<SubmitResult | undefined> {
  const stored = await db.selectFrom('submissions').select(['digest', 'received_at']).where('id', '=', id).executeTakeFirst()
  if (!stored) return undefined
  if (stored.digest === digest) return { id, status: 'duplicate', receivedAt: stored.received_at, digest }
  return {
    id,
    status: 'conflict',
    error: apiError('conflict', 'A different report with this id was already received'),
  }
}

async function findTemplate(db: Db, formId: string, version: number): Promise<FormTemplate | undefined> {
  const row = await db
    .selectFrom('forms')
    .select('template')
    .where('id', '=', formId)
    .where('version', '=', version)
    .executeTakeFirst()
  return row && (JSON.parse(row.template) as FormTemplate)
}

async function missingBlobs(db: Db, hashes: readonly string[]): Promise<string[]> {
  if (hashes.length === 0) return []
  const rows = await db.selectFrom('blobs').select('sha256').where('sha256', 'in', [...hashes]).execute()
  const known = new Set(rows.map((row) => row.sha256))
  return hashes.filter((hash) => !known.has(hash))
}

type Accepted = {
  envelope: SubmissionEnvelope
  template: FormTemplate
  body: string
  digest: string
  pledge?: PledgeSigning
  /** The hazard a rectification fixes. */
  rectification?: string
}

/**
 * The row and everything derived from it inside a savepoint of the batch's transaction: a
 * refusal found while writing rolls back this report alone (in PostgreSQL an error would
 * otherwise abort the whole transaction); an unexpected error is rethrown and the caller rolls
 * back the batch, so the phone resends it and nothing is half kept.
 */
async function store(trx: Trx, user: User, item: Accepted, receivedAt: string): Promise<SubmitResult> {
  const report = await trx.savepoint('report').execute()
  try {
    const result = await storeRows(report, user, item, receivedAt)
    await report.releaseSavepoint('report').execute()
    return result
  } catch (error) {
    if (!(error instanceof PledgeAlreadySigned) && !(error instanceof RectificationRefused)) throw error
    await report.rollbackToSavepoint('report').execute()
    // Another signing of the same pledge won the unique key: nothing of this one was kept.
    if (error instanceof PledgeAlreadySigned) return alreadySigned(trx, error.signing)
    // The hazard was verified or rectified by someone else meanwhile: the report is refused whole.
    return error.result
  }
}

async function storeRows(trx: Db, user: User, item: Accepted, receivedAt: string): Promise<SubmitResult> {
  const { envelope, template, body, digest } = item
  // ON CONFLICT DO NOTHING: a concurrent resend cannot make a second row, and no row comes
  // back for a skipped insert, so the stored digest then decides duplicate or conflict.
  const inserted = await trx
    .insertInto('submissions')
    .values({
      id: envelope.id,
      form_id: envelope.formId,
      form_version: envelope.formVersion,
      school_id: envelope.schoolId,
      period: envelope.period ?? null,
      subject_id: envelope.subjectId ?? null,
      user_id: user.id,
      device_id: envelope.deviceId,
      body,
      digest,
      started_at: envelope.startedAt,
      completed_at: envelope.completedAt,
      received_at: receivedAt,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!inserted) {
    const prior = await priorOutcome(trx, envelope.id, digest)
    if (prior) return prior
    throw new Error(`submission ${envelope.id} was neither inserted nor found`)
  }
  const hashes = [...new Set(envelope.attachments)]
  if (hashes.length > 0) {
    await trx
      .insertInto('submission_blobs')
      .values(hashes.map((sha256) => ({ submission_id: envelope.id, sha256 })))
      .execute()
  }
  await recordFoundHazards(trx, user, envelope, template, receivedAt)
  if (item.rectification !== undefined) await recordRectification(trx, user, envelope, item.rectification, receivedAt)
  await deriveReport(trx, template, envelope, receivedAt)
  if (item.pledge && !(await recordPledgeSigning(trx, item.pledge, receivedAt))) throw new PledgeAlreadySigned(item.pledge)
  return { id: envelope.id, status: 'accepted', receivedAt, digest }
}

async function ingestOne(trx: Trx, user: User, raw: unknown, receivedAt: string): Promise<SubmitResult> {
  if (!isPlainObject(raw)) return rejected(idOf(raw), [typeIssue('')])
  const envelope = normaliseEnvelope(raw)
  const id = idOf(raw)
  const shape = checkEnvelopeShape(envelope)
  if (shape.length > 0) return rejected(id, shape)

  const school = await findSchool(trx, envelope.schoolId)
  if (!school || !canFileFor(user, school)) {
    return { id, status: 'rejected', error: apiError('forbidden', 'You may not report for this school') }
  }

  const body = canonicalJson(envelope)
  const digest = await sha256Hex(body)
  const prior = await priorOutcome(trx, id, digest)
  if (prior) return prior

  const template = await findTemplate(trx, envelope.formId, envelope.formVersion)
  if (!template) return rejected(id, [typeIssue('formId')], 'Unknown form or form version')

  const issues = validateSubmission(template, envelope)
  if (hasErrors(issues)) return rejected(id, issues)

  const missing = await missingBlobs(trx, envelope.attachments)
  if (missing.length > 0) {
    const issue: ValidationIssue = {
      fieldId: 'attachments',
      code: 'attachmentMissing',
      severity: 'error',
      message: issueMessage('attachmentMissing'),
    }
    return rejected(id, [issue], 'Upload the photos before the report')
  }

  if (template.kind === 'pledge') {
    const pledge = await checkPledgeSigning(trx, user, envelope)
    if (pledge.kind === 'refused') return pledge.result
    return store(trx, user, { envelope, template, body, digest, pledge: pledge.signing }, receivedAt)
  }
  if (template.kind === 'rectification') {
    const rectification = await checkRectification(trx, envelope)
    if (rectification.kind === 'refused') return rectification.result
    return store(trx, user, { envelope, template, body, digest, rectification: rectification.hazardId }, receivedAt)
  }
  return store(trx, user, { envelope, template, body, digest }, receivedAt)
}

/**
 * Files a batch of submissions for a signed-in user in one transaction, one commit. Every item
 * still stands alone: one refused item does not spoil the others. An unexpected error rolls the
 * whole batch back and answers 5xx, so the phone resends it; the accepted items are committed
 * before the reply goes out.
 */
export async function ingestBatch(db: Db, user: User, envelopes: readonly unknown[], now: Date): Promise<SubmitResult[]> {
  if (envelopes.length > MAX_BATCH) throw new ApiHttpError('bad_request', `At most ${MAX_BATCH} submissions per batch`)
  const receivedAt = now.toISOString()
  const trx = await db.startTransaction().execute()
  try {
    const results: SubmitResult[] = []
    // One at a time, in order: the phone sends oldest first, and a later item sees what an earlier one stored.
    for (const raw of envelopes) results.push(await ingestOne(trx, user, raw, receivedAt))
    await trx.commit().execute()
    return results
  } catch (error) {
    // The error that broke the batch is the one to report; a rollback can fail after it (SQLite
    // has already rolled back on some errors, a PostgreSQL connection may be gone).
    await trx.rollback().execute().catch(() => undefined)
    throw error
  }
}
