import type { ControlledTransaction, Kysely } from 'kysely'
import { campaignFilingIssue, isChecklistKind } from '../../core/campaignFiling.js'
import { canonicalJson } from '../../core/digest.js'
import { checkEnvelopeShape, validateSubmission } from '../../core/envelope.js'
import { issueMessage } from '../../core/messages.js'
import { MAX_BATCH, type SubmissionEnvelope, type SubmitResult, type User } from '../../core/protocol.js'
import { hasErrors, type ValidationIssue } from '../../core/validate.js'
import { ApiHttpError, apiError } from '../api-error.js'
import { canFileFor } from '../auth/scope.js'
import type { Database } from '../db/schema.js'
import { bodyDigest } from './body-digest.js'
import { checkRectification, RectificationRefused } from './hazard-rectification.js'
import { loadIngestLookups, type IngestLookups } from './ingest-lookups.js'
import { idOf, isPlainObject, normaliseEnvelope } from './normalise-envelope.js'
import { alreadySigned, checkPledgeSigning, PledgeAlreadySigned } from './pledge-signing.js'
import { alreadyConfirmed, checkReceipt, ReceiptAlreadyHeld } from './notices/receipts.js'
import { storeSubmissions, type Accepted } from './store-submissions.js'
import { subjectRefusal } from './subject-refusal.js'

type Trx = ControlledTransaction<Database>

function rejected(id: string, issues: readonly ValidationIssue[], message = 'The report has problems'): SubmitResult {
  return { id, status: 'rejected', error: apiError('validation_failed', message, issues) }
}

function typeIssue(fieldId: string): ValidationIssue {
  return { fieldId, code: 'type', severity: 'error', message: issueMessage('type') }
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

/** The checks that need nothing this batch writes: scope, duplicate or conflict, template, validation, photos. */
async function decide(lookups: IngestLookups, user: User, item: Prepared): Promise<SubmitResult | Accepted> {
  const { envelope, body, digest } = item
  const { id } = envelope
  const school = await lookups.school(envelope.schoolId)
  if (!school || !canFileFor(user, school)) {
    return { id, status: 'rejected', error: apiError('forbidden', 'You may not report for this school') }
  }

  const prior = lookups.priorOutcome(id, digest)
  if (prior) return prior

  // Another district's form is answered like one that does not exist: a school files only
  // against global forms and its own district's.
  const template = await lookups.template(envelope.formId, envelope.formVersion, school.districtId)
  if (!template) return rejected(id, [typeIssue('formId')], '本校所在区没有这个表单或版本 / Unknown form or form version for this school')

  const issues = validateSubmission(template, envelope)
  if (hasErrors(issues)) return rejected(id, issues)

  // A checklist report that names a subject is filed for a campaign: one sent to this school, on
  // its checklist form (and version, when fixed). Pledges, rectifications and 已阅 check theirs below.
  if (envelope.subjectId !== undefined && isChecklistKind(template.kind)) {
    const issue = campaignFilingIssue(await lookups.campaign(envelope.subjectId, envelope.schoolId), envelope)
    if (issue !== null) return subjectRefusal(id, issue)
  }

  // Content addressing dedupes storage, never access: a hash this scope never uploaded (and holds
  // no report with) is refused exactly like one never stored, so the answer reveals nothing.
  if (lookups.unpossessedBlobs(envelope.attachments).length > 0) {
    const issue: ValidationIssue = {
      fieldId: 'attachments',
      code: 'attachmentNotUploaded',
      severity: 'error',
      message: issueMessage('attachmentNotUploaded'),
    }
    return rejected(id, [issue], issue.message.en)
  }
  return { envelope, template, body, digest }
}

/** Pledge signings, rectifications and 已阅 receipts check the records they change: those may come from earlier items of the batch. */
function isChecked(item: Accepted): boolean {
  return item.template.kind === 'pledge' || item.template.kind === 'rectification' || item.template.kind === 'receipt'
}

/**
 * A pledge signing or rectification: checked against what is stored now, then written alone
 * inside a savepoint, because it can still be refused after its row is written (another
 * signing won the unique key; the hazard was verified meanwhile): rolling back to the
 * savepoint drops this report alone, and in PostgreSQL keeps the transaction usable.
 */
async function fileChecked(trx: Trx, user: User, accepted: Accepted, receivedAt: string): Promise<SubmitResult> {
  const { envelope } = accepted
  let item: Accepted
  if (accepted.template.kind === 'pledge') {
    const pledge = await checkPledgeSigning(trx, user, envelope)
    if (pledge.kind === 'refused') return pledge.result
    item = { ...accepted, pledge: pledge.signing }
  } else if (accepted.template.kind === 'receipt') {
    const receipt = await checkReceipt(trx, user, envelope)
    if (receipt.kind === 'refused') return receipt.result
    item = { ...accepted, receipt: receipt.receipt }
  } else {
    const rectification = await checkRectification(trx, envelope)
    if (rectification.kind === 'refused') return rectification.result
    item = { ...accepted, rectification: rectification.hazardId }
  }
  const report = await trx.savepoint('report').execute()
  try {
    const [result] = await storeSubmissions(report, user, [item], receivedAt)
    await report.releaseSavepoint('report').execute()
    if (!result) throw new Error(`no result for ${envelope.id}`)
    return result
  } catch (error) {
    if (!(error instanceof PledgeAlreadySigned) && !(error instanceof RectificationRefused) && !(error instanceof ReceiptAlreadyHeld)) throw error
    await report.rollbackToSavepoint('report').execute()
    // Another phone's read or acknowledgement of the same notice or campaign got there first.
    if (error instanceof ReceiptAlreadyHeld) return alreadyConfirmed(trx, error.receipt)
    // Another signing of the same pledge won the unique key: nothing of this one was kept.
    if (error instanceof PledgeAlreadySigned) return alreadySigned(trx, error.signing)
    // The hazard was verified or rectified by someone else meanwhile: the report is refused whole.
    return error.result
  }
}

async function fileAll(trx: Trx, user: User, items: readonly (Prepared | SubmitResult)[], receivedAt: string): Promise<SubmitResult[]> {
  const lookups = await loadIngestLookups(trx, user, items.flatMap((item) => ('envelope' in item ? [item.envelope] : [])))
  const results: SubmitResult[] = []
  // Accepted reports other than those wait and are written together, in one insert. Nothing they
  // write is read by decide(); they are written before a check that could read it and before
  // an item that repeats their id.
  let waiting: { readonly index: number; readonly item: Accepted }[] = []
  const answer = (index: number, result: SubmitResult | undefined): void => {
    if (!result) throw new Error(`no result for batch item ${index}`)
    results[index] = result
    if (result.status === 'accepted') lookups.remember(result.id, result)
  }
  const write = async (): Promise<void> => {
    const stored = await storeSubmissions(trx, user, waiting.map(({ item }) => item), receivedAt)
    waiting.forEach(({ index }, k) => answer(index, stored[k]))
    waiting = []
  }
  for (const [index, item] of items.entries()) {
    if (!('envelope' in item)) {
      results[index] = item
      continue
    }
    if (waiting.some((entry) => entry.item.envelope.id === item.envelope.id)) await write()
    const decided = await decide(lookups, user, item)
    if ('status' in decided) results[index] = decided
    else if (!isChecked(decided)) waiting.push({ index, item: decided })
    else {
      await write()
      answer(index, await fileChecked(trx, user, decided, receivedAt))
    }
  }
  await write()
  return results
}

/**
 * Files a batch of submissions for a signed-in user in one transaction, one commit. Every item
 * still stands alone: one refused item does not spoil the others, and a later item sees what an
 * earlier one stored (the phone sends oldest first). An unexpected error rolls the whole batch
 * back and answers 5xx, so the phone resends it; the accepted items are committed before the
 * reply goes out.
 */
export async function ingestBatch(db: Kysely<Database>, user: User, envelopes: readonly unknown[], now: Date): Promise<SubmitResult[]> {
  if (envelopes.length > MAX_BATCH) throw new ApiHttpError('bad_request', `At most ${MAX_BATCH} submissions per batch`)
  const receivedAt = now.toISOString()
  // Shape, canonical body and digest before the transaction: it then holds the database only for reads and writes.
  const items = envelopes.map(prepare)
  const trx = await db.startTransaction().execute()
  try {
    const results = await fileAll(trx, user, items, receivedAt)
    await trx.commit().execute()
    return results
  } catch (error) {
    // The error that broke the batch is the one to report; a rollback can fail after it (SQLite
    // has already rolled back on some errors, a PostgreSQL connection may be gone).
    await trx.rollback().execute().catch(() => undefined)
    throw error
  }
}
