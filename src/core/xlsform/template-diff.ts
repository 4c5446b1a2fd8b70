import { canonicalJson } from '../digest.js'
import type { Field, FormTemplate } from '../forms/types.js'
import type { Text } from '../text.js'

/** One line of "what changes if this is published", for the bureau to read before it does. */
export type TemplateChange = { readonly kind: 'added' | 'removed' | 'changed'; readonly text: Text }

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null)

const fieldAspects: readonly [keyof Field | 'options' | 'points' | 'hazardLevel' | 'min' | 'max' | 'unit' | 'maxLength', string, string][] = [
  ['type', '题型', 'type'],
  ['label', '题目', 'label'],
  ['required', '必填', 'required'],
  ['help', '说明', 'help'],
  ['options', '选项', 'options'],
  ['points', '分值', 'points'],
  ['hazardLevel', '隐患等级', 'hazard level'],
  ['min', '最小值', 'minimum'],
  ['max', '上限', 'maximum'],
  ['unit', '单位', 'unit'],
  ['maxLength', '字数上限', 'length limit'],
]

function fieldChanges(before: Field, after: Field): TemplateChange[] {
  const changed = fieldAspects.filter(([key]) => !same((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key]))
  if (changed.length === 0) return []
  return [{
    kind: 'changed',
    text: {
      zh: `题目 ${after.id}（${after.label.zh}）改了：${changed.map(([, zh]) => zh).join('、')}`,
      en: `question ${after.id} (${after.label.en}) changed: ${changed.map(([, , en]) => en).join(', ')}`,
    },
  }]
}

/**
 * What differs between the published version and a candidate, in words: questions added,
 * removed, moved to another section or changed (and which aspects), sections, rules, rates,
 * grading and title. Empty when the candidate is the same form.
 */
export function describeTemplateChanges(previous: FormTemplate | undefined, next: FormTemplate): TemplateChange[] {
  if (!previous) return [{ kind: 'added', text: { zh: `新表单 ${next.id}（${next.title.zh}）`, en: `new form ${next.id} (${next.title.en})` } }]
  const changes: TemplateChange[] = []
  if (!same(previous.title, next.title)) changes.push({ kind: 'changed', text: { zh: `标题改为「${next.title.zh}」`, en: `title now "${next.title.en}"` } })
  const beforeSections = new Map(previous.sections.map((section) => [section.id, section]))
  const afterSections = new Map(next.sections.map((section) => [section.id, section]))
  for (const section of next.sections) {
    const before = beforeSections.get(section.id)
    if (!before) changes.push({ kind: 'added', text: { zh: `新增分组 ${section.id}（${section.title.zh}）`, en: `new section ${section.id} (${section.title.en})` } })
    else if (!same(before.title, section.title)) changes.push({ kind: 'changed', text: { zh: `分组 ${section.id} 标题改为「${section.title.zh}」`, en: `section ${section.id} renamed "${section.title.en}"` } })
  }
  for (const section of previous.sections) {
    if (!afterSections.has(section.id)) changes.push({ kind: 'removed', text: { zh: `删除分组 ${section.id}（${section.title.zh}）`, en: `section ${section.id} (${section.title.en}) removed` } })
  }
  const place = (template: FormTemplate) => new Map(template.sections.flatMap((section) => section.fields.map((field) => [field.id, { field, section: section.id }] as const)))
  const before = place(previous)
  const after = place(next)
  for (const [id, { field, section }] of after) {
    const old = before.get(id)
    if (!old) { changes.push({ kind: 'added', text: { zh: `新增题目 ${id}（${field.label.zh}）于分组 ${section}`, en: `new question ${id} (${field.label.en}) in section ${section}` } }); continue }
    if (old.section !== section) changes.push({ kind: 'changed', text: { zh: `题目 ${id} 从分组 ${old.section} 移到 ${section}`, en: `question ${id} moved from section ${old.section} to ${section}` } })
    changes.push(...fieldChanges(old.field, field))
  }
  for (const [id, { field }] of before) {
    if (!after.has(id)) changes.push({ kind: 'removed', text: { zh: `删除题目 ${id}（${field.label.zh}）`, en: `question ${id} (${field.label.en}) removed` } })
  }
  const order = (template: FormTemplate) => template.sections.flatMap((section) => section.fields.map((field) => field.id)).filter((id) => before.has(id) && after.has(id))
  if (!same(order(previous), order(next))) changes.push({ kind: 'changed', text: { zh: '题目顺序有调整', en: 'questions reordered' } })
  const blocks: readonly ['rules' | 'computed' | 'grading', string, string][] = [['rules', '校验规则', 'rules'], ['computed', '比率', 'computed rates'], ['grading', '评级', 'grading']]
  for (const [key, zh, en] of blocks) {
    if (!same(previous[key], next[key])) changes.push({ kind: 'changed', text: { zh: `${zh}有改动`, en: `${en} changed` } })
  }
  return changes
}
