import type { Kysely } from 'kysely'
import { canonicalJson } from '../../core/digest.js'
import { checkTemplate } from '../../core/forms/check-template.js'
import type { FormTemplate } from '../../core/forms/types.js'
import type { AdminFormVersion, User } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import { adminScope } from '../auth/admin-scope.js'
import type { Database } from '../db/schema.js'
import { recordAudit } from './record-audit.js'

type Db = Kysely<Database>

/** Every version of every form, newest first per form, with how many reports name it. */
export async function listFormVersions(db: Db): Promise<AdminFormVersion[]> {
  const rows = await db.selectFrom('forms').select(['template', 'active', 'published_at', 'published_by']).orderBy('id').orderBy('version', 'desc').execute()
  const counts = await db
    .selectFrom('submissions')
    .select((eb) => ['form_id', 'form_version', eb.fn.countAll().as('n')])
    .groupBy(['form_id', 'form_version'])
    .execute()
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
      reports: reports.get(`${template.id}@${template.version}`) ?? 0,
    }
  })
}

function refuse(message: string): never {
  throw new ApiHttpError('validation_failed', message)
}

/**
 * Publishes a template the bureau wrote as JSON. core's checkTemplate must find nothing wrong;
 * the version must follow the newest one; kind and period stay as they were (reports of older
 * versions are counted with the new ones). The new version goes live — phones pull only it —
 * while older versions stay stored, so reports filed against them still validate.
 */
export async function publishForm(db: Db, user: User, raw: unknown, now: Date, ip: string | null): Promise<AdminFormVersion> {
  adminScope(user)
  const problems = checkTemplate(raw)
  if (problems.length > 0) refuse(problems.slice(0, 20).map((problem) => `${problem.path || 'template'}: ${problem.message}`).join('; '))
  const template = raw as FormTemplate
  const newest = await db.selectFrom('forms').select(['version', 'template']).where('id', '=', template.id).orderBy('version', 'desc').executeTakeFirst()
  if (newest) {
    const previous = JSON.parse(newest.template) as FormTemplate
    if (template.version <= newest.version) refuse(`version must be above ${newest.version}`)
    if (template.kind !== previous.kind) refuse(`kind must stay ${previous.kind}`)
    if ((template.period ?? null) !== (previous.period ?? null)) refuse(`period must stay ${previous.period ?? 'none'}`)
  }
  const publishedAt = now.toISOString()
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('forms').set({ active: 0 }).where('id', '=', template.id).execute()
    const inserted = await trx
      .insertInto('forms')
      .values({
        id: template.id,
        version: template.version,
        kind: template.kind,
        title_zh: template.title.zh,
        template: canonicalJson(template),
        active: 1,
        published_at: publishedAt,
        published_by: user.id,
      })
      // Two bureau users publishing the same version at once: the second one is told, not failed.
      .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) throw new ApiHttpError('conflict', 'This version was published meanwhile')
    await recordAudit(trx, { action: 'form_published', at: now, actor: user, ip, subjectId: `${template.id}@${template.version}`, details: { formId: template.id, version: template.version, title: template.title.zh } })
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
    reports: 0,
  }
}
