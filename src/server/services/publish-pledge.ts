import type { Kysely } from 'kysely'
import { isIsoDate } from '../../core/dates.js'
import { pledgeVersionId } from '../../core/pledges.js'
import type { PledgeVersion, PublishPledgeRequest, User } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import { adminScope } from '../auth/admin-scope.js'
import { checkFirstVersion, ownerForPublish, PublishRefused } from '../auth/template-owner.js'
import type { Database } from '../db/schema.js'
import { findPledgeVersion, publishPledgeVersion, toPledgeVersion } from './pledge-documents.js'
import { recordAudit } from './record-audit.js'

/**
 * A new pledge document, or a new version of one. Published texts never change, so the version
 * must follow the newest; the server hashes the text with core as it stores it. Only the pledge
 * id's owner publishes its versions (template-owner.ts): another district can never make a
 * district's signed pledge non-current. A refused attempt is logged where that owner sees it.
 */
export async function publishPledge(db: Kysely<Database>, user: User, input: PublishPledgeRequest, now: Date, ip: string | null): Promise<PledgeVersion> {
  adminScope(user)
  const blank = [input.title.zh, input.title.en, input.text.zh, input.text.en].some((text) => text.trim() === '')
  if (blank) throw new ApiHttpError('bad_request', 'Title and text are needed in Chinese and English')
  if (!isIsoDate(input.dueDate)) throw new ApiHttpError('bad_request', 'The due date is YYYY-MM-DD')
  const subjectId = pledgeVersionId(input.pledgeId, input.version)
  const latest = await db
    .selectFrom('pledge_versions')
    .select(['version', 'owner_district_id'])
    .where('pledge_id', '=', input.pledgeId)
    .orderBy('version', 'desc')
    .executeTakeFirst()
  let owner: string | null
  try {
    owner = ownerForPublish(user, 'pledge', latest && { owner: latest.owner_district_id })
  } catch (error) {
    if (error instanceof PublishRefused) {
      await recordAudit(db, { action: 'pledge_publish_refused', at: now, actor: user, ip, districtId: error.owner, subjectId, details: { pledgeId: input.pledgeId, version: input.version, reason: error.code } })
    }
    throw error
  }
  if (latest === undefined) checkFirstVersion('pledge', input.version)
  else if (input.version <= latest.version) throw new ApiHttpError('conflict', `Version must be above ${latest.version}`)
  return db.transaction().execute(async (trx) => {
    const id = await publishPledgeVersion(trx, input, now, owner)
    const row = await findPledgeVersion(trx, id)
    if (!row || row.published_at !== now.toISOString() || row.owner_district_id !== owner) throw new ApiHttpError('conflict', 'This version was published meanwhile')
    await recordAudit(trx, { action: 'pledge_published', at: now, actor: user, ip, districtId: owner, subjectId: id, details: { pledgeId: input.pledgeId, version: input.version, title: input.title.zh, owner } })
    return toPledgeVersion(row, true)
  })
}
