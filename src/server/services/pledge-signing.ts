import type { Kysely } from 'kysely'
import { issueMessage, type IssueCode } from '../../core/messages.js'
import { audienceOfRole, signingKey, type PledgeAudience } from '../../core/pledges.js'
import type { SubmissionEnvelope, SubmitResult, User } from '../../core/protocol.js'
import { apiError } from '../api-error.js'
import { reaches, templateReach } from '../auth/template-owner.js'
import type { Database } from '../db/schema.js'
import { findPledgeVersion, latestVersionOf } from './pledge-documents.js'

type Db = Kysely<Database>

/** A signing that passed every check, ready to be recorded with its submission. */
export type PledgeSigning = {
  readonly id: string
  readonly versionId: string
  readonly schoolId: string
  readonly userId: string
  readonly signingKey: string
  readonly signerName: string
  readonly textHash: string
  readonly signatureSha256: string
  readonly signedAt: string
}

export type PledgeCheck = { readonly kind: 'ok'; readonly signing: PledgeSigning } | { readonly kind: 'refused'; readonly result: SubmitResult }

function refusedWith(id: string, fieldId: string, code: IssueCode): PledgeCheck {
  const issue = { fieldId, code, severity: 'error' as const, message: issueMessage(code) }
  return { kind: 'refused', result: { id, status: 'rejected', error: apiError('validation_failed', issue.message.en, [issue]) } }
}

function forbidden(id: string, message: string): PledgeCheck {
  return { kind: 'refused', result: { id, status: 'rejected', error: apiError('forbidden', message) } }
}

/** The stored signing for this version and key, as the receipt of its own submission. */
async function existingSigning(db: Db, id: string, versionId: string, key: string): Promise<SubmitResult | undefined> {
  const row = await db
    .selectFrom('pledge_signatures')
    .innerJoin('submissions', 'submissions.id', 'pledge_signatures.id')
    .select(['submissions.digest', 'submissions.received_at'])
    .where('pledge_signatures.version_id', '=', versionId)
    .where('pledge_signatures.signing_key', '=', key)
    .executeTakeFirst()
  return row && { id, status: 'duplicate', receivedAt: row.received_at, digest: row.digest }
}

/**
 * A second signing of the same version by the same school (principal pledges) or person
 * (staff pledges) is answered `duplicate` with the receipt of the signing already held: the
 * school's obligation is met, the phone stops resending, and its receipt digest (which names
 * the first signing, not this one) shows that the server kept the earlier record. Nothing of
 * the second signing is stored. A rejection would instead leave a report on the phone that no
 * edit could ever make acceptable.
 */
export async function alreadySigned(db: Db, signing: PledgeSigning): Promise<SubmitResult> {
  const prior = await existingSigning(db, signing.id, signing.versionId, signing.signingKey)
  if (!prior) throw new Error(`signing ${signing.id} collided with no stored signing`)
  return prior
}

/**
 * The pledge rules for a pledge-signing submission that already passed the form's validation:
 * the version exists, is global or the signer's district's, and is the current one, the signed hash is that version's, the role fits
 * the audience, and this school or person has not signed it yet.
 */
export async function checkPledgeSigning(db: Db, user: User, envelope: SubmissionEnvelope): Promise<PledgeCheck> {
  const { id } = envelope
  const version = envelope.subjectId === undefined ? undefined : await findPledgeVersion(db, envelope.subjectId)
  // Another district's pledge is not this school's to sign: answered as unknown, like its list.
  if (!version || !reaches(templateReach(user), version.owner_district_id)) return refusedWith(id, 'subjectId', 'pledgeUnknown')

  const audience = version.audience as PledgeAudience
  if (audienceOfRole(user.role) !== audience) {
    return forbidden(id, audience === 'principal' ? 'Only the principal signs this pledge' : 'Only school staff sign this pledge')
  }
  // A principal signs for their own school only (scope already refuses other schools; this also holds for staff).
  if (user.schoolId !== envelope.schoolId) return forbidden(id, 'You may sign only for your own school')

  if (envelope.answers['textHash'] !== version.text_hash) return refusedWith(id, 'textHash', 'pledgeTextChanged')
  if ((await latestVersionOf(db, version.pledge_id)) !== version.version) return refusedWith(id, 'subjectId', 'pledgeSuperseded')

  const signing: PledgeSigning = {
    id,
    versionId: version.id,
    schoolId: envelope.schoolId,
    userId: user.id,
    signingKey: signingKey(audience, envelope.schoolId, user.id),
    signerName: String(envelope.answers['signerName']).trim(),
    textHash: version.text_hash,
    signatureSha256: String(envelope.answers['signature']),
    signedAt: envelope.completedAt,
  }
  const prior = await existingSigning(db, id, signing.versionId, signing.signingKey)
  if (prior) return { kind: 'refused', result: prior }
  return { kind: 'ok', signing }
}

/**
 * Records the signing inside the submission's transaction. False when another signing of the
 * same version and key got there first (the unique key held): the caller rolls back.
 */
export async function recordPledgeSigning(trx: Db, signing: PledgeSigning, receivedAt: string): Promise<boolean> {
  const inserted = await trx
    .insertInto('pledge_signatures')
    .values({
      id: signing.id,
      version_id: signing.versionId,
      school_id: signing.schoolId,
      user_id: signing.userId,
      signing_key: signing.signingKey,
      signer_name: signing.signerName,
      text_hash: signing.textHash,
      signature_sha256: signing.signatureSha256,
      signed_at: signing.signedAt,
      received_at: receivedAt,
    })
    .onConflict((oc) => oc.columns(['version_id', 'signing_key']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}

/** Thrown inside the ingest transaction to roll back the submission row of a lost race. */
export class PledgeAlreadySigned extends Error {
  constructor(readonly signing: PledgeSigning) {
    super(`pledge ${signing.versionId} already signed for ${signing.signingKey}`)
    this.name = 'PledgeAlreadySigned'
  }
}
