import { inspectionInfoSection } from './forms/inspection-info.js'
import type { Field, FieldType, FormKind, FormTemplate, Section } from './forms/types.js'

/** A template being edited in the builder: the same shape, every level writable. */
export type Mutable<T> = T extends (infer U)[] ? Mutable<U>[] : T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T
export type DraftTemplate = Mutable<FormTemplate>
export type DraftSection = Mutable<Section>
export type DraftField = Mutable<Field>

/** An id not yet taken, `stem`, `stem2`, `stem3` …: new items never collide with existing answers. */
export function freeId(stem: string, taken: ReadonlySet<string>): string {
  if (!taken.has(stem)) return stem
  for (let n = 2; ; n++) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`
}

export function fieldIds(template: DraftTemplate | FormTemplate): Set<string> {
  return new Set(template.sections.flatMap((section) => section.fields.map((field) => field.id)))
}

/** A new rate's placeholder name, renamed in the builder like a new question's. */
export const NEW_RATE_LABEL = { zh: '比率', en: 'Rate' } as const

/** A new question of `type` with placeholder words, ready to be renamed; choices start as 是/否. */
export function newField(type: FieldType, taken: ReadonlySet<string>): DraftField {
  const base = { id: freeId(`q${type[0]?.toUpperCase() ?? ''}${type.slice(1)}`, taken), label: { zh: '新题目', en: 'New question' } }
  switch (type) {
    case 'choice':
    case 'multi':
      return { ...base, type, options: [{ value: 'yes', label: { zh: '是', en: 'Yes' } }, { value: 'no', label: { zh: '否', en: 'No' } }] }
    case 'calculate':
      return { ...base, type, expression: 0 }
    case 'integer':
    case 'number':
      return { ...base, type, min: 0 }
    default:
      return { ...base, type } as DraftField
  }
}

export function newSection(taken: ReadonlySet<string>): DraftSection {
  return { id: freeId('section', taken), title: { zh: '新分组', en: 'New section' }, fields: [] }
}

/**
 * A blank form of `kind`: an inspection opens with the inspection-info section the core check
 * requires (how the check happened, who, when); the others with one empty section to fill.
 */
export function blankTemplate(kind: FormKind, id: string): DraftTemplate {
  const first: DraftSection = kind === 'inspection' ? (JSON.parse(JSON.stringify(inspectionInfoSection)) as DraftSection) : { id: 'main', title: { zh: '基本情况', en: 'Basics' }, fields: [] }
  return { id, version: 1, kind, title: { zh: '新表单', en: 'New form' }, ...(kind === 'survey' ? { period: 'term' as const } : {}), sections: [first] }
}

/** Moves the item at `index` one place up (-1) or down (+1); out of range does nothing. */
export function moveItem<T>(list: T[], index: number, delta: -1 | 1): void {
  const to = index + delta
  if (index < 0 || to < 0 || to >= list.length) return
  const [item] = list.splice(index, 1) as [T]
  list.splice(to, 0, item)
}

/** A plain, writable copy of a stored template for the builder to edit. */
export function draftOf(template: FormTemplate): DraftTemplate {
  return JSON.parse(JSON.stringify(template)) as DraftTemplate
}
