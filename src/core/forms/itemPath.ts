import type { Text } from '../text.js'
import type { Field, FormTemplate, Section } from './types.js'

export type ItemPath = { readonly fieldId: string; readonly repeat?: { readonly id: string; readonly index: number } }

const instanceItem = /^([A-Za-z][A-Za-z0-9_]{0,63})\[(\d{1,3})\]\.([A-Za-z][A-Za-z0-9_]{0,63})$/

/** `plate` or `buses[2].plate` (an item of a repeat's third instance) as its parts. */
export function parseItemPath(path: string): ItemPath {
  const match = instanceItem.exec(path)
  if (!match) return { fieldId: path }
  return { fieldId: match[3] ?? path, repeat: { id: match[1] ?? '', index: Number(match[2]) } }
}

/** The title of a repeat's instance, counted from 1 as people count: 校车 2 / Bus 2. */
export function instanceTitle(section: Section, index: number): Text {
  const stem = section.repeat?.label ?? section.title
  return { zh: `${stem.zh} ${index + 1}`, en: `${stem.en} ${index + 1}` }
}

/** An item's label, with its instance for an item inside a repeat ("校车 2 · 座位与安全带"); undefined when the form has no such item. */
export function itemLabel(template: FormTemplate, path: string): Text | undefined {
  const { fieldId, repeat } = parseItemPath(path)
  const section = template.sections.find((each) => (repeat ? each.id === repeat.id && each.repeat !== undefined : each.fields.some((field) => field.id === fieldId)))
  const field: Field | undefined = section?.fields.find((each) => each.id === fieldId)
  if (!section || !field) return undefined
  if (!repeat) return field.label
  const title = instanceTitle(section, repeat.index)
  return { zh: `${title.zh} · ${field.label.zh}`, en: `${title.en} · ${field.label.en}` }
}
