import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { User } from '../../../core/protocol.js'
import type { ScheduleEntry, ScheduleRequest } from '../../../core/scheduleProtocol.js'
import { checkScheduleRule, type ScheduleRule } from '../../../core/schedules.js'
import type { Text } from '../../../core/text.js'
import type { ValidationIssue } from '../../../core/validate.js'
import { ApiHttpError, bilingual } from '../../api-error.js'
import { adminScope, inScope, targetDistrict } from '../../auth/admin-scope.js'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../record-audit.js'
import { formFacts } from './form-facts.js'
import { loadScheduleVersions, type StoredScheduleVersion } from './schedule-versions.js'

type Db = Kysely<Database>

const invalid: Text = { zh: '任务安排有误，请检查', en: 'The schedule has problems' }

function refuse(issues: readonly { path: string; message: Text }[]): never {
  const list: ValidationIssue[] = issues.map((item) => ({ fieldId: item.path, code: 'type', severity: 'error', message: item.message }))
  throw new ApiHttpError('validation_failed', bilingual(invalid), list)
}

/** Only what core's rule type holds is stored: unknown keys would otherwise ride along in the JSON. */
function cleanRule(rule: ScheduleRule): ScheduleRule {
  const { recurrence, due, audience } = rule
  return {
    formId: rule.formId,
    formVersion: rule.formVersion,
    ...(rule.pledgeId === undefined ? {} : { pledgeId: rule.pledgeId }),
    recurrence: recurrence.kind === 'once' ? { kind: 'once', period: recurrence.period } : recurrence.kind === 'weekly' || recurrence.kind === 'monthly' ? { kind: recurrence.kind, ...(recurrence.months === undefined ? {} : { months: { from: recurrence.months.from, to: recurrence.months.to } }) } : { kind: recurrence.kind },
    due: due.kind === 'date' ? { kind: 'date', date: due.date } : due.kind === 'day_of_next_month' ? { kind: 'day_of_next_month', day: due.day } : { kind: due.kind, days: due.days },
    audience: { kinds: [...new Set(audience.kinds)], townships: [...new Set(audience.townships.map((t) => t.trim()).filter((t) => t !== ''))], schoolIds: [...new Set(audience.schoolIds)] },
    validFrom: rule.validFrom,
    validTo: rule.validTo,
  }
}

/**
 * The same checks core runs in the editor, plus what only the server knows: the form exists for
 * this district (global or its own), a pinned version exists, the pledge exists, and every listed
 * school is the district's.
 */
export async function checkRuleForDistrict(db: Db, districtId: string, raw: ScheduleRule): Promise<ScheduleRule> {
  const rule = cleanRule(raw)
  const form = (await formFacts(db, [rule.formId])).get(rule.formId)
  if (!form || (form.ownerDistrictId !== null && form.ownerDistrictId !== districtId)) refuse([{ path: 'formId', message: { zh: '没有这个表单', en: 'No such form' } }])
  const issues = checkScheduleRule(rule, form.period)
  if (rule.formVersion !== null) {
    const pinned = await db.selectFrom('forms').select('version').where('id', '=', rule.formId).where('version', '=', rule.formVersion).executeTakeFirst()
    if (!pinned) issues.push({ path: 'formVersion', message: { zh: '该表单没有这个版本', en: 'The form has no such version' } })
  }
  if (rule.pledgeId !== undefined) {
    const family = rule.pledgeId
    const pledge = await db.selectFrom('pledge_versions').select('owner_district_id').where((eb) => eb.or([eb('pledge_id', '=', family), eb('pledge_id', 'like', `${family}-____`)])).executeTakeFirst()
    if (!pledge || (pledge.owner_district_id !== null && pledge.owner_district_id !== districtId)) issues.push({ path: 'pledgeId', message: { zh: '没有这份责任书', en: 'No such pledge' } })
  }
  if (rule.audience.schoolIds.length > 0) {
    const known = await db.selectFrom('schools').select('id').where('district_id', '=', districtId).where('id', 'in', rule.audience.schoolIds).execute()
    const ids = new Set(known.map((row) => row.id))
    rule.audience.schoolIds.forEach((id, index) => {
      if (!ids.has(id)) issues.push({ path: `audience.schoolIds.${index}`, message: { zh: '本区没有这所学校', en: 'No such school in this district' } })
    })
  }
  if (issues.length > 0) refuse(issues)
  return rule
}

export function entryOf(version: StoredScheduleVersion): ScheduleEntry {
  const { scheduleId, districtId, version: number, title, retired, effectiveAt, savedBy, ...rule } = version
  return { id: scheduleId, districtId, version: number, title, rule: cleanRule(rule), retired, effectiveAt, savedBy }
}

type SaveContext = { readonly user: User; readonly now: Date; readonly ip: string | null }

async function insertVersion(trx: Db, input: { id: string; version: number; districtId: string; title: Text; rule: ScheduleRule; retired: boolean }, context: SaveContext): Promise<ScheduleEntry> {
  const effectiveAt = context.now.toISOString()
  await trx.insertInto('schedule_versions').values({
    schedule_id: input.id, version: input.version, district_id: input.districtId, form_id: input.rule.formId, title_zh: input.title.zh.trim(), title_en: input.title.en.trim(),
    rule: JSON.stringify(input.rule), retired: input.retired ? 1 : 0, effective_at: effectiveAt, saved_by: context.user.id,
  }).execute()
  const entry: ScheduleEntry = { id: input.id, districtId: input.districtId, version: input.version, title: input.title, rule: input.rule, retired: input.retired, effectiveAt, savedBy: context.user.id }
  const action = input.retired ? 'schedule_retired' : input.version === 1 ? 'schedule_created' : 'schedule_changed'
  await recordAudit(trx, { action, at: context.now, actor: context.user, ip: context.ip, districtId: input.districtId, subjectId: input.id, details: { version: input.version, title: input.title, rule: input.rule } })
  return entry
}

export async function createSchedule(db: Db, request: ScheduleRequest, context: SaveContext): Promise<ScheduleEntry> {
  const districtId = targetDistrict(adminScope(context.user), request.districtId)
  const known = await db.selectFrom('districts').select('id').where('id', '=', districtId).executeTakeFirst()
  if (!known) throw new ApiHttpError('not_found', bilingual({ zh: '没有这个区县', en: 'No such district' }))
  const rule = await checkRuleForDistrict(db, districtId, request.rule)
  const id = `schedule-${uuidv7()}`
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('schedules').values({ id, district_id: districtId, form_id: rule.formId, version: 1, retired: 0, created_at: context.now.toISOString(), created_by: context.user.id }).execute()
    return insertVersion(trx, { id, version: 1, districtId, title: request.title, rule, retired: false }, context)
  })
}

/** The schedule if the caller administers it; another district's schedule looks like no schedule. */
async function ownSchedule(db: Db, user: User, id: string) {
  const row = await db.selectFrom('schedules').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || !inScope(adminScope(user), row.district_id)) throw new ApiHttpError('not_found', bilingual({ zh: '没有这项任务安排', en: 'No such schedule' }))
  return row
}

/** A new version; the form stays the schedule's own (a different form is a different schedule). */
export async function changeSchedule(db: Db, id: string, request: ScheduleRequest, context: SaveContext): Promise<ScheduleEntry> {
  const row = await ownSchedule(db, context.user, id)
  if (request.rule.formId !== row.form_id) refuse([{ path: 'rule.formId', message: { zh: '不能更换任务的表单，请新建任务', en: 'A schedule keeps its form: create a new schedule instead' } }])
  const rule = await checkRuleForDistrict(db, row.district_id, request.rule)
  return db.transaction().execute(async (trx) => {
    const version = Number(row.version) + 1
    // Guarded by the version read above: two bureaus saving at once cannot both write version n+1.
    const updated = await trx.updateTable('schedules').set({ version, retired: 0 }).where('id', '=', id).where('version', '=', row.version).executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new ApiHttpError('conflict', bilingual({ zh: '任务安排刚被他人修改，请刷新后重试', en: 'Someone else just changed this schedule: reload and try again' }))
    return insertVersion(trx, { id, version, districtId: row.district_id, title: request.title, rule, retired: false }, context)
  })
}

/** Retiring is a version too: periods that closed before it keep what they owed. */
export async function retireSchedule(db: Db, id: string, context: SaveContext): Promise<ScheduleEntry> {
  const row = await ownSchedule(db, context.user, id)
  const [latest] = (await loadScheduleVersions(db, { districtIds: [row.district_id], scheduleId: id })).slice(-1)
  if (!latest) throw new ApiHttpError('not_found', bilingual({ zh: '没有这项任务安排', en: 'No such schedule' }))
  if (latest.retired) return entryOf(latest)
  return db.transaction().execute(async (trx) => {
    const version = Number(row.version) + 1
    const updated = await trx.updateTable('schedules').set({ version, retired: 1 }).where('id', '=', id).where('version', '=', row.version).executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new ApiHttpError('conflict', bilingual({ zh: '任务安排刚被他人修改，请刷新后重试', en: 'Someone else just changed this schedule: reload and try again' }))
    return insertVersion(trx, { id, version, districtId: row.district_id, title: latest.title, rule: entryOf(latest).rule, retired: true }, context)
  })
}
