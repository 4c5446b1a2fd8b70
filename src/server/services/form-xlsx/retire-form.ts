import type { Kysely } from 'kysely'
import type { FormTemplate } from '../../../core/forms/types.js'
import type { AdminFormVersion, User } from '../../../core/protocol.js'
import { ApiHttpError, bilingual } from '../../api-error.js'
import { adminScope } from '../../auth/admin-scope.js'
import { ownerReached, templateReach } from '../../auth/template-owner.js'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../record-audit.js'

/**
 * Takes one version off the phones (active = 0). The row stays, so reports filed against it
 * still validate and export. Only the id's owner retires it: a bureau its district's forms, an
 * admin any; a global form is read by every bureau but retired by an admin only.
 */
export async function retireFormVersion(db: Kysely<Database>, user: User, id: string, version: number, now: Date, ip: string | null): Promise<AdminFormVersion> {
  const scope = adminScope(user)
  const row = await db.selectFrom('forms').selectAll().where('id', '=', id).where('version', '=', version).where(ownerReached(templateReach(user))).executeTakeFirst()
  if (!row) throw new ApiHttpError('not_found', bilingual({ zh: '没有这个表单版本', en: 'No such form version' }))
  if (scope.kind !== 'all' && row.owner_district_id !== scope.districtId) {
    throw new ApiHttpError('forbidden', bilingual({ zh: '这是全局表单，只有系统管理员可以停用', en: 'This form is global: only an administrator retires it' }))
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('forms').set({ active: 0 }).where('id', '=', id).where('version', '=', version).execute()
    await recordAudit(trx, { action: 'form_retired', at: now, actor: user, ip, districtId: row.owner_district_id, subjectId: `${id}@${version}`, details: { formId: id, version, wasActive: row.active !== 0 } })
  })
  const template = JSON.parse(row.template) as FormTemplate
  return {
    id, version, kind: template.kind, title: template.title, period: template.period ?? null, active: false,
    publishedAt: row.published_at, publishedBy: row.published_by, ownerDistrictId: row.owner_district_id, reports: 0,
  }
}
