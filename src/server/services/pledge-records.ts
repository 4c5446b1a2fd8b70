import type { Kysely } from 'kysely'
import { pledgeTextHash } from '../../core/pledges.js'
import type { PledgeRecordResponse, PledgeSignatureSummary, User } from '../../core/protocol.js'
import { canSeeSchool } from '../auth/scope.js'
import type { Database } from '../db/schema.js'
import { contentOf, findPledgeVersion, latestVersionOf, toPledgeVersion } from './pledge-documents.js'

type Db = Kysely<Database>

type SummaryRow = {
  id: string
  school_id: string
  user_id: string
  signer_name: string
  signed_at: string
  received_at: string
}

export function toSignatureSummary(row: SummaryRow): PledgeSignatureSummary {
  return {
    id: row.id,
    schoolId: row.school_id,
    userId: row.user_id,
    signerName: row.signer_name,
    signedAt: row.signed_at,
    receivedAt: row.received_at,
  }
}

/**
 * The proof of one signing, or undefined when it does not exist or lies outside the caller's
 * scope (the two look the same). The server re-hashes the text it holds for the version with
 * core, so `textHashMatches` says whether the text shown is the text that was signed.
 */
export async function findPledgeRecord(db: Db, user: User, versionId: string, signatureId: string): Promise<PledgeRecordResponse | undefined> {
  const row = await db
    .selectFrom('pledge_signatures')
    .innerJoin('submissions', 'submissions.id', 'pledge_signatures.id')
    .innerJoin('schools', 'schools.id', 'pledge_signatures.school_id')
    .select([
      'pledge_signatures.id',
      'pledge_signatures.version_id',
      'pledge_signatures.school_id',
      'pledge_signatures.user_id',
      'pledge_signatures.signer_name',
      'pledge_signatures.text_hash',
      'pledge_signatures.signature_sha256',
      'pledge_signatures.signed_at',
      'pledge_signatures.received_at',
      'submissions.digest',
      'submissions.device_id',
      'schools.name as school_name',
      'schools.district_id',
    ])
    .where('pledge_signatures.id', '=', signatureId)
    .where('pledge_signatures.version_id', '=', versionId)
    .executeTakeFirst()
  if (!row || !canSeeSchool(user, { id: row.school_id, districtId: row.district_id })) return undefined
  const version = await findPledgeVersion(db, versionId)
  if (!version) return undefined
  const current = (await latestVersionOf(db, version.pledge_id)) === version.version
  return {
    pledge: toPledgeVersion(version, current),
    signature: {
      ...toSignatureSummary(row),
      versionId: row.version_id,
      schoolName: row.school_name,
      textHash: row.text_hash,
      textHashMatches: (await pledgeTextHash(contentOf(version))) === row.text_hash,
      signatureSha256: row.signature_sha256,
      deviceId: row.device_id,
      digest: row.digest,
    },
  }
}
