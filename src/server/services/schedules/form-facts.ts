import type { Kysely } from 'kysely'
import type { FormKind, FormTemplate, PeriodKind } from '../../../core/forms/types.js'
import type { Text } from '../../../core/text.js'
import type { Database } from '../../db/schema.js'

/** What counting a form's reports needs from its newest version. */
export type FormFacts = { readonly id: string; readonly kind: FormKind; readonly title: Text; readonly period: PeriodKind | null; readonly ownerDistrictId: string | null }

export async function formFacts(db: Kysely<Database>, formIds: readonly string[]): Promise<Map<string, FormFacts>> {
  const facts = new Map<string, FormFacts>()
  if (formIds.length === 0) return facts
  const rows = await db.selectFrom('forms').select(['id', 'template', 'owner_district_id']).where('id', 'in', [...new Set(formIds)]).orderBy('id').orderBy('version', 'desc').execute()
  for (const row of rows) {
    if (facts.has(row.id)) continue
    const template = JSON.parse(row.template) as FormTemplate
    facts.set(row.id, { id: row.id, kind: template.kind, title: template.title, period: template.period ?? null, ownerDistrictId: row.owner_district_id })
  }
  return facts
}
