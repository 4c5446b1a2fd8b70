import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { isChecklistKind } from '../../../core/campaignFiling.js'
import type { FormKind } from '../../../core/forms/types.js'
import type { Campaign, CampaignInput } from '../../../core/noticeProtocol.js'
import type { User } from '../../../core/protocol.js'
import { ApiHttpError, bilingual } from '../../api-error.js'
import { adminScope, targetDistrict } from '../../auth/admin-scope.js'
import { ownerReached } from '../../auth/template-owner.js'
import type { Database } from '../../db/schema.js'
import { resolveTargets } from '../notices/resolve-targets.js'
import { recordAudit } from '../record-audit.js'
import { selectCampaigns, toCampaign } from './campaign-rows.js'

type Db = Kysely<Database>

async function checkChecklist(db: Db, districtId: string, formId: string, version: number | null): Promise<void> {
  let query = db
    .selectFrom('forms')
    .select(['kind'])
    .where('id', '=', formId)
    .where('active', '=', 1)
    .where(ownerReached({ kind: 'district', districtId }))
  if (version !== null) query = query.where('version', '=', version)
  const row = await query.executeTakeFirst()
  if (!row || !isChecklistKind(row.kind as FormKind)) {
    throw new ApiHttpError('bad_request', bilingual({ zh: '本区没有这个检查表或版本', en: 'There is no such checklist form or version for this district' }))
  }
}

/** POST /campaigns: 部署 a 专项检查 to the schools its audience reaches today. */
export async function launchCampaign(db: Db, user: User, input: CampaignInput, now: Date): Promise<Campaign> {
  const districtId = targetDistrict(adminScope(user), input.districtId)
  const formVersion = input.formVersion ?? null
  await checkChecklist(db, districtId, input.formId, formVersion)
  return db.transaction().execute(async (trx) => {
    const targets = await resolveTargets(trx, districtId, input.audience)
    const id = uuidv7()
    await trx
      .insertInto('campaigns')
      .values({
        id,
        district_id: districtId,
        title: input.title,
        instructions: input.instructions,
        instructions_format: input.instructionsFormat,
        form_id: input.formId,
        form_version: formVersion,
        audience: JSON.stringify(input.audience),
        opens_on: input.opensOn,
        closes_on: input.closesOn,
        status: 'open',
        created_by: user.id,
        created_at: now.toISOString(),
        closed_at: null,
        summary_notice_id: null,
      })
      .execute()
    await trx.insertInto('campaign_targets').values(targets.map((school_id) => ({ campaign_id: id, school_id }))).execute()
    await recordAudit(trx, {
      action: 'campaign_launched',
      at: now,
      actor: user,
      districtId,
      subjectId: id,
      details: { title: input.title, formId: input.formId, formVersion, opensOn: input.opensOn, closesOn: input.closesOn, targets: targets.length },
    })
    return toCampaign(await selectCampaigns(trx).where('campaigns.id', '=', id).executeTakeFirstOrThrow())
  })
}
