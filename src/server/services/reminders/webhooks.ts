import type { Kysely } from 'kysely'
import type { User } from '../../../core/protocol.js'
import type { WebhookEntry, WebhookRequest } from '../../../core/reminders.js'
import { checkWebhookUrl, maskWebhookUrl, type WebhookUrlProblem } from '../../../core/webhookUrl.js'
import { ApiHttpError, bilingual } from '../../api-error.js'
import { adminScope, inScope } from '../../auth/admin-scope.js'
import type { Database, WebhooksTable } from '../../db/schema.js'
import { recordAudit } from '../record-audit.js'
import { reminderDistrict } from './reminder-district.js'

type Db = Kysely<Database>

/** One robot per group: the district's, or one school's. The id says which (and is no secret). */
export const districtWebhookId = (districtId: string): string => `district:${districtId}`
export const schoolWebhookId = (schoolId: string): string => `school:${schoolId}`

function entryOf(row: WebhooksTable): WebhookEntry {
  return {
    id: row.id, districtId: row.district_id, schoolId: row.school_id, channel: row.channel,
    maskedUrl: maskWebhookUrl(row.url, row.channel), signed: row.secret !== null, setBy: row.set_by, setAt: row.set_at,
  }
}

const problems: Record<WebhookUrlProblem, { zh: string; en: string }> = {
  not_a_url: { zh: '机器人地址不是有效的网址', en: 'The robot address is not a valid URL' },
  origin_not_allowed: { zh: '机器人地址必须是企业微信或钉钉的官方地址', en: 'The robot address must be the official 企业微信 (WeCom) or 钉钉 (DingTalk) address' },
  no_token: { zh: '机器人地址缺少 key 或 access_token', en: 'The robot address has no key or access_token' },
  has_credentials: { zh: '机器人地址不能包含用户名或密码', en: 'The robot address must not contain a user name or password' },
}

export async function listWebhooks(db: Db, user: User): Promise<WebhookEntry[]> {
  const scope = adminScope(user)
  let query = db.selectFrom('webhooks').selectAll().orderBy('district_id').orderBy('id')
  if (scope.kind === 'district') query = query.where('district_id', '=', scope.districtId)
  return (await query.execute()).map(entryOf)
}

/** Adds or replaces the robot of a district or school. The address and secret are stored, never echoed. */
export async function setWebhook(db: Db, user: User, input: WebhookRequest, extraOrigins: readonly string[], now: Date, ip: string | null): Promise<WebhookEntry> {
  const scope = adminScope(user)
  let districtId: string
  if (input.schoolId !== undefined) {
    const school = await db.selectFrom('schools').select(['id', 'district_id']).where('id', '=', input.schoolId).executeTakeFirst()
    if (!school || !inScope(scope, school.district_id)) throw new ApiHttpError('not_found', bilingual({ zh: '没有这所学校', en: 'No such school' }))
    districtId = school.district_id
  } else {
    districtId = reminderDistrict(user, input.districtId)
    const known = await db.selectFrom('districts').select('id').where('id', '=', districtId).executeTakeFirst()
    if (!known) throw new ApiHttpError('not_found', bilingual({ zh: '没有这个区县', en: 'No such district' }))
  }
  const problem = checkWebhookUrl(input.url, input.channel, extraOrigins)
  if (problem !== null) throw new ApiHttpError('bad_request', bilingual(problems[problem]))
  const row: WebhooksTable = {
    id: input.schoolId === undefined ? districtWebhookId(districtId) : schoolWebhookId(input.schoolId),
    district_id: districtId, school_id: input.schoolId ?? null, channel: input.channel, url: input.url,
    secret: input.channel === 'dingtalk' && input.secret !== undefined && input.secret !== '' ? input.secret : null, set_by: user.id, set_at: now.toISOString(),
  }
  const entry = entryOf(row)
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('webhooks').values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ channel: row.channel, url: row.url, secret: row.secret, set_by: row.set_by, set_at: row.set_at }))
      .execute()
    // The audit line names the robot by its mask: the log of who changed what holds no secret either.
    await recordAudit(trx, { action: 'webhook_set', at: now, actor: user, ip, districtId, schoolId: row.school_id, subjectId: row.id, details: { channel: row.channel, maskedUrl: entry.maskedUrl, signed: entry.signed } })
  })
  return entry
}

/**
 * Removes the robot of a district or school. Idempotent: removing one that is already gone answers
 * as a removal; a group outside the caller's district is answered as unknown.
 */
export async function removeWebhook(db: Db, user: User, id: string, now: Date, ip: string | null): Promise<void> {
  const scope = adminScope(user)
  const [kind, target = ''] = id.split(/:(.*)/s)
  const districtId = kind === 'district'
    ? (await db.selectFrom('districts').select('id').where('id', '=', target).executeTakeFirst())?.id
    : (await db.selectFrom('schools').select('district_id').where('id', '=', target).executeTakeFirst())?.district_id
  if (districtId === undefined || !inScope(scope, districtId)) throw new ApiHttpError('not_found', bilingual({ zh: '没有这个机器人', en: 'No such robot' }))
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst()
    if (Number(removed.numDeletedRows) > 0) {
      await recordAudit(trx, { action: 'webhook_removed', at: now, actor: user, ip, districtId, schoolId: kind === 'school' ? target : null, subjectId: id })
    }
  })
}
