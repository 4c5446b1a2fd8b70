import type { Kysely } from 'kysely'
import type { FormTemplate } from '../../core/forms/types.js'
import type { SubmissionEnvelope, SubmitResult, User } from '../../core/protocol.js'
import type { Database } from '../db/schema.js'
import { deriveReport } from './derive-report.js'
import { districtOf } from './district-of.js'
import { recordRectification } from './hazard-rectification.js'
import { chunks, priorOutcomeOf, storedRows } from './ingest-lookups.js'
import { PledgeAlreadySigned, recordPledgeSigning, type PledgeSigning } from './pledge-signing.js'
import { recordFoundHazards } from './record-hazards.js'
import { ReceiptAlreadyHeld, recordReceipt, type Receipt } from './notices/receipts.js'

type Db = Kysely<Database>

/** A report that passed every check, with its canonical body and the records it will derive. */
export type Accepted = {
  readonly envelope: SubmissionEnvelope
  readonly template: FormTemplate
  readonly body: string
  readonly digest: string
  readonly pledge?: PledgeSigning
  /** The hazard a rectification fixes. */
  readonly rectification?: string
  /** A notice read or campaign acknowledgement (已阅). */
  readonly receipt?: Receipt
}

async function linkAttachments(trx: Db, items: readonly Accepted[]): Promise<void> {
  const links = items.flatMap(({ envelope }) => [...new Set(envelope.attachments)].map((sha256) => ({ submission_id: envelope.id, sha256 })))
  for (const part of chunks(links)) await trx.insertInto('submission_blobs').values(part).execute()
}

/**
 * Writes accepted reports with distinct ids, in one insert (one round trip, not one per report),
 * then what each derives, in batch order. ON CONFLICT DO NOTHING: a concurrent resend cannot make
 * a second row, and no row comes back for a skipped insert, so the stored digest then decides
 * duplicate or conflict and nothing is derived from it. A refused pledge signing or
 * rectification throws: the caller stores those alone, inside a savepoint.
 */
export async function storeSubmissions(trx: Db, user: User, items: readonly Accepted[], receivedAt: string): Promise<SubmitResult[]> {
  if (items.length === 0) return []
  const rows = await trx
    .insertInto('submissions')
    .values(
      items.map(({ envelope, body, digest }) => ({
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
        district_id: districtOf(envelope.schoolId),
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute()
  const inserted = new Set(rows.map((row) => row.id))
  const skipped = items.filter((item) => !inserted.has(item.envelope.id)).map((item) => item.envelope.id)
  // Another transaction stored these ids after the batch read its rows.
  const others = skipped.length > 0 ? await storedRows(trx, skipped) : new Map<string, never>()
  const kept = items.filter((item) => inserted.has(item.envelope.id))
  await linkAttachments(trx, kept)

  const results: SubmitResult[] = []
  for (const item of items) {
    const { envelope, template, digest } = item
    if (!inserted.has(envelope.id)) {
      const prior = priorOutcomeOf(envelope.id, digest, others.get(envelope.id))
      if (!prior) throw new Error(`submission ${envelope.id} was neither inserted nor found`)
      results.push(prior)
      continue
    }
    await recordFoundHazards(trx, user, envelope, template, receivedAt)
    if (item.rectification !== undefined) await recordRectification(trx, user, envelope, item.rectification, receivedAt)
    await deriveReport(trx, template, envelope, receivedAt)
    if (item.pledge && !(await recordPledgeSigning(trx, item.pledge, receivedAt))) throw new PledgeAlreadySigned(item.pledge)
    if (item.receipt && !(await recordReceipt(trx, item.receipt, receivedAt))) throw new ReceiptAlreadyHeld(item.receipt)
    results.push({ id: envelope.id, status: 'accepted', receivedAt, digest })
  }
  return results
}
