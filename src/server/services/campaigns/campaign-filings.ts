import type { Kysely } from 'kysely'
import { campaignWindow } from '../../../core/campaignWindow.js'
import type { Database } from '../../db/schema.js'
import { chunks } from '../ingest-lookups.js'

export type FirstFiling = { readonly submissionId: string; readonly receivedAt: string }

/**
 * Each school's first report of the campaign's checklist received since the window opened (of
 * the fixed version when the campaign names one). Read from the submissions themselves, so a
 * report filed from the plain form list counts as much as one started from the campaign.
 */
export async function firstFilings(
  db: Kysely<Database>,
  campaign: { readonly form_id: string; readonly form_version: number | null; readonly opens_on: string; readonly closes_on: string },
  schoolIds: readonly string[],
): Promise<Map<string, FirstFiling>> {
  const { opensAt } = campaignWindow(campaign.opens_on, campaign.closes_on)
  const first = new Map<string, FirstFiling>()
  for (const part of chunks(schoolIds)) {
    let query = db
      .selectFrom('submissions')
      .select(['id', 'school_id', 'received_at'])
      .where('form_id', '=', campaign.form_id)
      .where('school_id', 'in', part)
      .where('received_at', '>=', opensAt)
    if (campaign.form_version !== null) query = query.where('form_version', '=', campaign.form_version)
    for (const row of await query.orderBy('received_at').orderBy('id').execute()) {
      if (!first.has(row.school_id)) first.set(row.school_id, { submissionId: row.id, receivedAt: row.received_at })
    }
  }
  return first
}
