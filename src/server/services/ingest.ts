import type { ControlledTransaction, Kysely } from 'kysely'
import { canonicalJson } from '../../core/digest.js'
import { checkEnvelopeShape, validateSubmission } from '../../core/envelope.js'
import type { FormTemplate } from '../../core/forms/types.js'
import { issueMessage } from '../../core/messages.js'
import { MAX_BATCH, type SubmissionEnvelope, type SubmitResult, type User } from '../../core/protocol.js'
import { hasErrors, type ValidationIssue } from '../../core/validate.js'
import { ApiHttpError, apiError } from '../api-error.js'
import { canFileFor } from '../auth/scope.js'
import type { Database } from '../db/schema.js'
import { bodyDigest } from './body-digest.js'
import { deriveReport } from './derive-report.js'
import { checkRectification, recordRectification, RectificationRefused } from './hazard-rectification.js'
import { loadIngestLookups, priorOutcomeOf, storedRows, type IngestLookups } from './ingest-lookups.js'
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
    // Another transaction stored this id after the batch read its rows.
    const prior = priorOutcomeOf(envelope.id, digest, (await storedRows(trx, [envelope.id])).get(envelope.id))
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

/** A batch item whose envelope has its shape, with its canonical body and digest: no database needed yet. */
type Prepared = { readonly envelope: SubmissionEnvelope; readonly body: string; readonly digest: string }

function prepare(raw: unknown): Prepared | SubmitResult {
  if (!isPlainObject(raw)) return rejected(idOf(raw), [typeIssue('')])
  const envelope = normaliseEnvelope(raw)
  const shape = checkEnvelopeShape(envelope)
  if (shape.length > 0) return rejected(idOf(raw), shape)
  const body = canonicalJson(envelope)
  return { envelope, body, digest: bodyDigest(body) }
}

async function ingestOne(trx: Trx, lookups: IngestLookups, user: User, item: Prepared, receivedAt: string): Promise<SubmitResult> {
  const { envelope, body, digest } = item
  const { id } = envelope
  const school = await lookups.school(envelope.schoolId)
  if (!school || !canFileFor(user, school)) {
    return { id, status: 'rejected', error: apiError('forbidden', 'You may not report for this school') }
  }

  const prior = lookups.priorOutcome(id, digest)
  if (prior) return prior

  const template = await lookups.template(envelope.formId, envelope.formVersion)
  if (!template) return rejected(id, [typeIssue('formId')], 'Unknown form or form version')

  const issues = validateSubmission(template, envelope)
  if (hasErrors(issues)) return rejected(id, issues)

  if (lookups.missingBlobs(envelope.attachments).length > 0) {
    const issue: ValidationIssue = {
      fieldId: 'attachments',
      code: 'attachmentMissing',
      severity: 'error',
      message: issueMessage('attachmentMissing'),
    }
    return rejected(id, [issue], 'Upload the photos before the report')
  }

  let result: SubmitResult
  if (template.kind === 'pledge') {
    const pledge = await checkPledgeSigning(trx, user, envelope)
    if (pledge.kind === 'refused') return pledge.result
    result = await store(trx, user, { envelope, template, body, digest, pledge: pledge.signing }, receivedAt)
  } else if (template.kind === 'rectification') {
    const rectification = await checkRectification(trx, envelope)
    if (rectification.kind === 'refused') return rectification.result
    result = await store(trx, user, { envelope, template, body, digest, rectification: rectification.hazardId }, receivedAt)
  } else {
    result = await store(trx, user, { envelope, template, body, digest }, receivedAt)
  }
  if (result.status === 'accepted') lookups.remember(id, { digest, receivedAt })
  return result
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
  // Shape, canonical body and digest before the transaction: it then holds the database only for reads and writes.
  const items = envelopes.map(prepare)
  const trx = await db.startTransaction().execute()
  try {
    const lookups = await loadIngestLookups(trx, items.flatMap((item) => ('envelope' in item ? [item.envelope] : [])))
    const results: SubmitResult[] = []
    // One at a time, in order: the phone sends oldest first, and a later item sees what an earlier one stored.
    for (const item of items) results.push('envelope' in item ? await ingestOne(trx, lookups, user, item, receivedAt) : item)
    await trx.commit().execute()
    return results
  } catch (error) {
    // The error that broke the batch is the one to report; a rollback can fail after it (SQLite
    // has already rolled back on some errors, a PostgreSQL connection may be gone).
    await trx.rollback().execute().catch(() => undefined)
    throw error
  }
}
