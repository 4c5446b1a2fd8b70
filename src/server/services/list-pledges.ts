import type { Kysely } from 'kysely'
import { audienceOfRole, signingKey } from '../../core/pledges.js'
import type { PledgesResponse, User } from '../../core/protocol.js'
import { templateReach } from '../auth/template-owner.js'
import type { Database } from '../db/schema.js'
import { listPledgeVersions } from './pledge-documents.js'
import { toSignatureSummary } from './pledge-records.js'

/**
 * The pledges a caller works with. A principal or staff member gets the versions of their
 * audience, each with the signing that counts for them (their school's for principal pledges,
 * their own for staff pledges). Bureau roles sign nothing: they get every version they reach,
 * unsigned, to pick one for the report. Nobody gets another district's pledges.
 */
export async function listPledgesFor(db: Kysely<Database>, user: User): Promise<PledgesResponse> {
  const audience = audienceOfRole(user.role)
  if (audience === null || user.schoolId === null) {
    const versions = await listPledgeVersions(db, templateReach(user))
    return { pledges: versions.map((version) => ({ ...version, signature: null })) }
  }
  const versions = await listPledgeVersions(db, templateReach(user), audience)
  const key = signingKey(audience, user.schoolId, user.id)
  const signatures = await db
    .selectFrom('pledge_signatures')
    .select(['id', 'version_id', 'school_id', 'user_id', 'signer_name', 'signed_at', 'received_at'])
    .where('signing_key', '=', key)
    .execute()
  const byVersion = new Map(signatures.map((row) => [row.version_id, toSignatureSummary(row)]))
  return { pledges: versions.map((version) => ({ ...version, signature: byVersion.get(version.id) ?? null })) }
}
