import type { Kysely } from 'kysely'
import { EVERY_SCHOOL, parseAudience } from '../../../core/audience.js'
import { campaignPeriod } from '../../../core/campaignWindow.js'
import type { BodyFormat, Campaign, CampaignStatus } from '../../../core/noticeProtocol.js'
import type { CampaignsTable, Database } from '../../db/schema.js'

export type CampaignRow = CampaignsTable & { form_title: string | null }

/** Campaigns with their checklist's Chinese title (the newest version's); callers add scope and order. */
export function selectCampaigns(db: Kysely<Database>) {
  return db
    .selectFrom('campaigns')
    .selectAll('campaigns')
    .select((eb) =>
      eb
        .selectFrom('forms')
        .select('forms.template')
        .whereRef('forms.id', '=', 'campaigns.form_id')
        .orderBy('forms.version', 'desc')
        .limit(1)
        .as('form_title'),
    )
}

function titleOf(template: string | null, formId: string): Campaign['formTitle'] {
  if (template === null) return { zh: formId, en: formId }
  const parsed = JSON.parse(template) as { title?: Campaign['formTitle'] }
  return parsed.title ?? { zh: formId, en: formId }
}

export function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    districtId: row.district_id,
    title: row.title,
    instructions: row.instructions,
    instructionsFormat: row.instructions_format as BodyFormat,
    formId: row.form_id,
    formVersion: row.form_version,
    formTitle: titleOf(row.form_title, row.form_id),
    audience: parseAudience(JSON.parse(row.audience)) ?? EVERY_SCHOOL,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    period: campaignPeriod(row.opens_on),
    status: row.status as CampaignStatus,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    summaryNoticeId: row.summary_notice_id,
  }
}
