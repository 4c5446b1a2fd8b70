import { describe, expect, it } from 'vitest'
import { checkTemplate, defaultTemplates, fireSafety, type FormTemplate } from '../../../src/core/index.js'

/** A deep copy to break on purpose, as a bureau's hand-edited JSON might be. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into the JSON freely
type Loose = Record<string, any>
function broken(change: (template: Loose) => void): unknown {
  const copy = JSON.parse(JSON.stringify(fireSafety)) as Loose
  change(copy)
  return copy
}

function paths(template: unknown): string[] {
  return checkTemplate(template).map((problem) => problem.path)
}

describe('checkTemplate', () => {
  it('finds nothing wrong with any default template', () => {
    for (const template of defaultTemplates) expect(checkTemplate(template), template.id).toEqual([])
  })

  it('accepts a template that went through JSON, as the bureau will publish it', () => {
    expect(checkTemplate(JSON.parse(JSON.stringify(fireSafety)) as FormTemplate)).toEqual([])
  })

  it('refuses something that is not an object', () => {
    expect(paths(null)).toEqual([''])
    expect(paths([])).toEqual([''])
  })

  it('refuses a field id used twice', () => {
    expect(paths(broken((t) => (t.sections[1].fields[1].id = 'exits')))).toContain('sections[1].fields[1].id')
  })

  it('refuses a section id used twice', () => {
    expect(paths(broken((t) => (t.sections[2].id = t.sections[1].id)))).toContain('sections[2].id')
  })

  it('refuses a label without English', () => {
    expect(paths(broken((t) => (t.sections[1].fields[0].label = { zh: '通道', en: ' ' })))).toContain('sections[1].fields[0].label')
  })

  it('refuses a title without Chinese', () => {
    expect(paths(broken((t) => (t.title = { en: 'Fire' })))).toContain('title')
  })

  it('refuses a choice without options and an option without a bilingual label', () => {
    expect(paths(broken((t) => (t.sections[0].fields[0].options = [])))).toContain('sections[0].fields[0].options')
    expect(paths(broken((t) => (t.sections[0].fields[0].options[1].label = { zh: '互查' })))).toContain('sections[0].fields[0].options[1].label')
  })

  it('refuses an option value used twice', () => {
    expect(paths(broken((t) => (t.sections[0].fields[0].options[1].value = 'self')))).toContain('sections[0].fields[0].options[1]')
  })

  it('refuses negative points but accepts zero', () => {
    expect(paths(broken((t) => (t.sections[1].fields[0].points = -1)))).toContain('sections[1].fields[0].points')
    expect(paths(broken((t) => (t.sections[1].fields[0].points = 0)))).toEqual([])
  })

  it('takes a preset hazard level of low, medium or high on a check item and refuses any other', () => {
    expect(paths(broken((t) => (t.sections[1].fields[0].hazardLevel = 'high')))).toEqual([])
    expect(paths(broken((t) => (t.sections[1].fields[0].hazardLevel = 'severe')))).toEqual(['sections[1].fields[0].hazardLevel'])
    expect(checkTemplate(broken((t) => (t.sections[1].fields[0].hazardLevel = 3)))[0]?.message).toBe('must be low, medium or high')
  })

  it('refuses an unknown field type, kind, a zero version and a bad id', () => {
    expect(paths(broken((t) => (t.sections[1].fields[0].type = 'slider')))).toContain('sections[1].fields[0].type')
    expect(paths(broken((t) => (t.kind = 'quiz')))).toContain('kind')
    expect(paths(broken((t) => (t.version = 0)))).toContain('version')
    expect(paths(broken((t) => (t.version = 2_147_483_648)))).toContain('version')
    expect(paths(broken((t) => (t.id = 'Fire Safety')))).toContain('id')
  })

  it('refuses an empty section and a template without sections', () => {
    expect(paths(broken((t) => (t.sections[1].fields = [])))).toContain('sections[1].fields')
    expect(paths(broken((t) => (t.sections = [])))).toContain('sections')
  })

  it('refuses min above max, a bad maxLength and a photo limit above nine', () => {
    const number = { id: 'count', type: 'integer', min: 5, max: 1, label: { zh: '数量', en: 'Count' } }
    expect(paths(broken((t) => t.sections[4].fields.push(number)))).toContain('sections[4].fields[1].min')
    expect(paths(broken((t) => (t.sections[4].fields[0].maxLength = 0)))).toContain('sections[4].fields[0].maxLength')
    const photo = { id: 'pics', type: 'photo', max: 20, label: { zh: '照片', en: 'Photos' } }
    expect(paths(broken((t) => t.sections[4].fields.push(photo)))).toContain('sections[4].fields[1].max')
  })

  it('refuses a rule that names a field the template does not have', () => {
    expect(paths(broken((t) => (t.rules = [{ kind: 'lte', left: 'exits', right: 'nowhere' }])))).toContain('rules[0]')
  })

  it('refuses an inspection that does not open with how it was carried out', () => {
    expect(paths(broken((t) => t.sections.shift()))).toContain('sections[0]')
  })
})
