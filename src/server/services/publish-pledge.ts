import type { Kysely } from 'kysely'
import { isIsoDate } from '../../core/dates.js'
import type { PledgeVersion, PublishPledgeRequest, User } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import { adminScope } from '../auth/admin-scope.js'
import type { Database } from '../db/schema.js'
import { findPledgeVersion, latestVersionOf, publishPledgeVersion, toPledgeVersion } from './pledge-documents.js'
import { recordAudit } from './record-audit.js'

/**
 * A new pledge document, or a new version of one. Published texts never change, so the version
 * must follow the newest; the server hashes the text with core as it stores it.
 */
export async function publishPledge(db: Kysely<Database>, user: User, input: PublishPledgeRequest, now: Date, ip: string | null): Promise<PledgeVersion> {
  adminScope(user)
  const blank = [input.title.zh, input.title.en, input.text.zh, input.text.en].some((text) => text.trim() === '')
  if (blank) throw new ApiHttpError('bad_request', 'Title and text are needed in Chinese and English')
  if (!isIsoDate(input.dueDate)) throw new ApiHttpError('bad_request', 'The due date is YYYY-MM-DD')
  const latest = await latestVersionOf(db, input.pledgeId)
  if (input.version <= latest) throw new ApiHttpError('conflict', `Version must be above ${latest}`)
  return db.transaction().execute(async (trx) => {
    const id = await publishPledgeVersion(trx, input, now)
    const row = await findPledgeVersion(trx, id)
    if (!row || row.published_at !== now.toISOString()) throw new ApiHttpError('conflict', 'This version was published meanwhile')
    await recordAudit(trx, { action: 'pledge_published', at: now, actor: user, ip, subjectId: id, details: { pledgeId: input.pledgeId, version: input.version, title: input.title.zh } })
    return toPledgeVersion(row, true)
  })
}
