import type { Kysely } from 'kysely'
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

/** One transaction: the row and everything derived from it, or nothing. */
async function store(db: Db, user: User, item: Accepted, now: Date): Promise<SubmitResult> {
  try {
    return await storeInTransaction(db, user, item, now)
  } catch (error) {
    // Another signing of the same pledge won the unique key: nothing of this one was kept.
    if (error instanceof PledgeAlreadySigned) return alreadySigned(db, error.signing)
    // The hazard was verified or rectified by someone else meanwhile: the report is refused whole.
    if (error instanceof RectificationRefused) return error.result
    throw error
  }
}

async function storeInTransaction(db: Db, user: User, item: Accepted, now: Date): Promise<SubmitResult> {
  const { envelope, template, body, digest } = item
  const receivedAt = now.toISOString()
  return db.transaction().execute(async (trx) => {
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
  })
}

async function ingestOne(db: Db, user: User, raw: unknown, now: Date): Promise<SubmitResult> {
  if (!isPlainObject(raw)) return rejected(idOf(raw), [typeIssue('')])
  const envelope = normaliseEnvelope(raw)
  const id = idOf(raw)
  const shape = checkEnvelopeShape(envelope)
  if (shape.length > 0) return rejected(id, shape)

  const school = await findSchool(db, envelope.schoolId)
  if (!school || !canFileFor(user, school)) {
    return { id, status: 'rejected', error: apiError('forbidden', 'You may not report for this school') }
  }

  const body = canonicalJson(envelope)
  const digest = await sha256Hex(body)
  const prior = await priorOutcome(db, id, digest)
  if (prior) return prior

  const template = await findTemplate(db, envelope.formId, envelope.formVersion)
  if (!template) return rejected(id, [typeIssue('formId')], 'Unknown form or form version')

  const issues = validateSubmission(template, envelope)
  if (hasErrors(issues)) return rejected(id, issues)

  const missing = await missingBlobs(db, envelope.attachments)
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
    const pledge = await checkPledgeSigning(db, user, envelope)
    if (pledge.kind === 'refused') return pledge.result
    return store(db, user, { envelope, template, body, digest, pledge: pledge.signing }, now)
  }
  if (template.kind === 'rectification') {
    const rectification = await checkRectification(db, envelope)
    if (rectification.kind === 'refused') return rectification.result
    return store(db, user, { envelope, template, body, digest, rectification: rectification.hazardId }, now)
  }
  return store(db, user, { envelope, template, body, digest }, now)
}

/**
 * Files a batch of submissions for a signed-in user. Every item stands alone: one bad item
 * does not spoil the others, and each accepted one is committed before the reply goes out.
 */
export async function ingestBatch(db: Db, user: User, envelopes: readonly unknown[], now: Date): Promise<SubmitResult[]> {
  if (envelopes.length > MAX_BATCH) throw new ApiHttpError('bad_request', `At most ${MAX_BATCH} submissions per batch`)
  const results: SubmitResult[] = []
  // One at a time, in order: SQLite serialises writers anyway and the phone sends oldest first.
  for (const raw of envelopes) results.push(await ingestOne(db, user, raw, now))
  return results
}
