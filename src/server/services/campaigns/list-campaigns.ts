import type { Kysely } from 'kysely'
import type { CampaignListItem, CampaignsResponse } from '../../../core/noticeProtocol.js'
import type { User } from '../../../core/protocol.js'
import type { Database } from '../../db/schema.js'
import { isSchoolUser, visibleTo } from '../notices/notice-scope.js'
import { cutPage, decodeCursor, type PageRequest } from '../paging-cursor.js'
import { firstFilings } from './campaign-filings.js'
import { selectCampaigns, toCampaign, type CampaignRow } from './campaign-rows.js'

type Db = Kysely<Database>

async function forSchool(db: Db, schoolId: string, rows: readonly CampaignRow[]): Promise<CampaignListItem[]> {
  const ids = rows.map((row) => row.id)
  const acks = ids.length === 0 ? [] : await db.selectFrom('campaign_acks').select(['campaign_id', 'acked_at']).where('campaign_id', 'in', ids).where('school_id', '=', schoolId).execute()
  const ackedAt = new Map(acks.map((ack) => [ack.campaign_id, ack.acked_at]))
  const items: CampaignListItem[] = []
  for (const row of rows) {
    const filed = (await firstFilings(db, row, [schoolId])).get(schoolId)
    items.push({ ...toCampaign(row), acknowledgedAt: ackedAt.get(row.id) ?? null, filedAt: filed?.receivedAt ?? null, targetCount: null, acknowledgedCount: null, filedCount: null })
  }
  return items
}

async function forDistrict(db: Db, rows: readonly CampaignRow[]): Promise<CampaignListItem[]> {
  const items: CampaignListItem[] = []
  for (const row of rows) {
    const targets = (await db.selectFrom('campaign_targets').select('school_id').where('campaign_id', '=', row.id).execute()).map((target) => target.school_id)
    const acks = await db.selectFrom('campaign_acks').select((eb) => eb.fn.countAll<string | number>().as('n')).where('campaign_id', '=', row.id).executeTakeFirst()
    const filed = await firstFilings(db, row, targets)
    items.push({ ...toCampaign(row), acknowledgedAt: null, filedAt: null, targetCount: targets.length, acknowledgedCount: Number(acks?.n ?? 0), filedCount: filed.size })
  }
  return items
}

/**
 * Newest first, a page at a time like notices: a school's own standing on each, or the district's
 * counts for the bureau and inspectors, read for the page's campaigns only.
 */
export async function listCampaigns(db: Db, user: User, { cursor, limit }: PageRequest): Promise<CampaignsResponse> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor)
  let query = selectCampaigns(db).where(visibleTo(user, 'campaigns')).orderBy('campaigns.created_at', 'desc').orderBy('campaigns.id', 'desc').limit(limit + 1)
  if (after) query = query.where((eb) => eb(eb.refTuple('campaigns.created_at', 'campaigns.id'), '<', eb.tuple(after.key, after.id)))
  const { page, nextCursor } = cutPage(await query.execute(), limit, (row) => [row.created_at, row.id])
  const campaigns = isSchoolUser(user) && user.schoolId !== null ? await forSchool(db, user.schoolId, page) : await forDistrict(db, page)
  return { campaigns, nextCursor }
}

export async function findVisibleCampaign(db: Db, user: User, id: string): Promise<CampaignListItem | undefined> {
  const rows = await selectCampaigns(db).where('campaigns.id', '=', id).where(visibleTo(user, 'campaigns')).execute()
  const items = isSchoolUser(user) && user.schoolId !== null ? await forSchool(db, user.schoolId, rows) : await forDistrict(db, rows)
  return items[0]
}
