import type { Kysely } from 'kysely'
import { itemLabel } from '../../core/forms/itemPath.js'
import type { FormTemplate } from '../../core/forms/types.js'
import type { Text } from '../../core/text.js'
import type { Database } from '../db/schema.js'

export type FormLabels = {
  title(formId: string): Text
  field(formId: string, fieldId: string): Text
}

/** Titles and field labels of every form version (newest wins), to name hazards and columns. */
export async function loadFormLabels(db: Kysely<Database>): Promise<FormLabels> {
  const rows = await db.selectFrom('forms').select('template').orderBy('id').orderBy('version').execute()
  const titles = new Map<string, Text>()
  const fields = new Map<string, Text>()
  const newest = new Map<string, FormTemplate>()
  for (const row of rows) {
    const template = JSON.parse(row.template) as FormTemplate
    titles.set(template.id, template.title)
    newest.set(template.id, template)
    for (const field of template.sections.flatMap((section) => section.fields)) fields.set(`${template.id}/${field.id}`, field.label)
  }
  return {
    title: (formId) => titles.get(formId) ?? { zh: formId, en: formId },
    field: (formId, fieldId) => {
      const known = fields.get(`${formId}/${fieldId}`)
      if (known) return known
      // An item of a repeat's instance (`buses[1].seatbelts`) is named with its instance.
      const template = newest.get(formId)
      return (template && itemLabel(template, fieldId)) ?? { zh: fieldId, en: fieldId }
    },
  }
}
