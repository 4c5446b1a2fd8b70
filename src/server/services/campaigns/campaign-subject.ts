import type { Kysely } from 'kysely'
import type { CampaignChecklist } from '../../../core/campaignFiling.js'
import type { Database } from '../../db/schema.js'

/**
 * The checklist of the campaign a report names as its subject, as that school sees it: only a
 * campaign sent to the school is found, so another school's campaign looks like no campaign.
 */
export async function targetedChecklist(db: Kysely<Database>, campaignId: string, schoolId: string): Promise<CampaignChecklist | undefined> {
  const row = await db
    .selectFrom('campaigns')
    .innerJoin('campaign_targets', 'campaign_targets.campaign_id', 'campaigns.id')
    .select(['campaigns.form_id', 'campaigns.form_version'])
    .where('campaigns.id', '=', campaignId)
    .where('campaign_targets.school_id', '=', schoolId)
    .executeTakeFirst()
  return row && { formId: row.form_id, formVersion: row.form_version }
}
