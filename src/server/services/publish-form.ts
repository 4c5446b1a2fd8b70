import type { Kysely } from 'kysely'
import { canonicalJson } from '../../core/digest.js'
import { checkTemplate } from '../../core/forms/check-template.js'
import type { FormTemplate } from '../../core/forms/types.js'
import type { AdminFormVersion, User } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import { adminScope } from '../auth/admin-scope.js'
import { visibleSchoolIds } from '../auth/scope.js'
import { checkFirstVersion, ownerForPublish, ownerReached, PublishRefused, templateReach } from '../auth/template-owner.js'
import type { Database } from '../db/schema.js'
import { recordAudit } from './record-audit.js'

type Db = Kysely<Database>

/**
 * Every version of every form the caller reaches (global and their district's; an admin all),
 * newest first per form, with how many reports of the caller's schools name it.
 */
export async function listFormVersions(db: Db, user: User): Promise<AdminFormVersion[]> {
  const rows = await db
    .selectFrom('forms')
    .select(['template', 'active', 'published_at', 'published_by', 'owner_district_id'])
    .where(ownerReached(templateReach(user)))
    .orderBy('id')
    .orderBy('version', 'desc')
    .execute()
  // A global form is filed by every district: a bureau counts its own schools' reports only.
  const schoolIds = await visibleSchoolIds(db, user)
  let countQuery = db
    .selectFrom('submissions')
    .select((eb) => ['form_id', 'form_version', eb.fn.countAll().as('n')])
    .groupBy(['form_id', 'form_version'])
  if (schoolIds !== 'all') countQuery = countQuery.where('school_id', 'in', schoolIds.length > 0 ? [...schoolIds] : [''])
  const counts = await countQuery.execute()
  const reports = new Map(counts.map((row) => [`${row.form_id}@${row.form_version}`, Number(row.n)]))
  return rows.map((row) => {
    const template = JSON.parse(row.template) as FormTemplate
    return {
      id: template.id,
      version: template.version,
      kind: template.kind,
      title: template.title,
      period: template.period ?? null,
      active: row.active !== 0,
      publishedAt: row.published_at,
      publishedBy: row.published_by,
      ownerDistrictId: row.owner_district_id,
      reports: reports.get(`${template.id}@${template.version}`) ?? 0,
    }
  })
}

/** Kind and period stay as they were: reports of older versions are counted with the new ones. */
export function changedShape(previous: FormTemplate, template: FormTemplate): string | null {
  if (template.kind !== previous.kind) return `kind must stay ${previous.kind}`
  if ((template.period ?? null) !== (previous.period ?? null)) return `period must stay ${previous.period ?? 'none'}`
  return null
}

/**
 * Puts a checked version live in one step: the older versions of its id are retired (phones pull
 * only the new one, completeness counts the form once) but stay stored, so reports filed against
 * them still validate. The bureau's publish and the built-ins shipped with a release both come
 * through here. Returns the retired versions, or null when this version is stored already.
 */
export async function storeFormVersion(
  trx: Db,
  template: FormTemplate,
  meta: { readonly owner: string | null; readonly publishedBy: string | null; readonly now: Date },
): Promise<number[] | null> {
  // Retires the older versions of this id only: an id has one owner, so nobody else's form.
  const retired = await trx.updateTable('forms').set({ active: 0 }).where('id', '=', template.id).where('active', '=', 1).where('version', '<', template.version).returning('version').execute()
  const inserted = await trx
    .insertInto('forms')
    .values({
      id: template.id,
      version: template.version,
      kind: template.kind,
      title_zh: template.title.zh,
      template: canonicalJson(template),
      active: 1,
      published_at: meta.now.toISOString(),
      published_by: meta.publishedBy,
      owner_district_id: meta.owner,
    })
    // Two publishers of the same version (or of the same new id) at once: the second is told, not failed.
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted ? retired.map((row) => row.version) : null
}

function refuse(message: string): never {
  throw new ApiHttpError('validation_failed', message)
}

/**
 * Publishes a template the bureau wrote as JSON. core's checkTemplate must find nothing wrong;
 * the caller must own the form id (template-owner.ts: a bureau its district's ids and new ones,
 * an admin any); the version must follow the newest one; kind and period stay as they were
 * (reports of older versions are counted with the new ones). The new version goes live — phones
 * pull only it — while older versions of the same id stay stored, so reports filed against them
 * still validate. A refused attempt on someone else's id is logged where that owner sees it.
 */
export async function publishForm(db: Db, user: User, raw: unknown, now: Date, ip: string | null): Promise<AdminFormVersion> {
  adminScope(user)
  const problems = checkTemplate(raw)
  if (problems.length > 0) refuse(problems.slice(0, 20).map((problem) => `${problem.path || 'template'}: ${problem.message}`).join('; '))
  const template = raw as FormTemplate
  const subjectId = `${template.id}@${template.version}`
  const newest = await db.selectFrom('forms').select(['version', 'template', 'owner_district_id']).where('id', '=', template.id).orderBy('version', 'desc').executeTakeFirst()
  let owner: string | null
  try {
    owner = ownerForPublish(user, 'form', newest && { owner: newest.owner_district_id })
  } catch (error) {
    if (error instanceof PublishRefused) {
      await recordAudit(db, { action: 'form_publish_refused', at: now, actor: user, ip, districtId: error.owner, subjectId, details: { formId: template.id, version: template.version, reason: error.code } })
    }
    throw error
  }
  if (newest) {
    if (template.version <= newest.version) refuse(`version must be above ${newest.version}`)
    const problem = changedShape(JSON.parse(newest.template) as FormTemplate, template)
    if (problem) refuse(problem)
  } else checkFirstVersion('form', template.version)
  const publishedAt = now.toISOString()
  await db.transaction().execute(async (trx) => {
    const retired = await storeFormVersion(trx, template, { owner, publishedBy: user.id, now })
    if (!retired) throw new ApiHttpError('conflict', 'This version was published meanwhile')
    await recordAudit(trx, {
      action: 'form_published', at: now, actor: user, ip, districtId: owner, subjectId,
      details: { formId: template.id, version: template.version, title: template.title.zh, owner, retired },
    })
  })
  return {
    id: template.id,
    version: template.version,
    kind: template.kind,
    title: template.title,
    period: template.period ?? null,
    active: true,
    publishedAt,
    publishedBy: user.id,
    ownerDistrictId: owner,
    reports: 0,
  }
}
