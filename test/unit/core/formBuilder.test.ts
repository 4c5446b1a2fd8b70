import { describe, expect, it } from 'vitest'
import { checkTemplate, fireSafety } from '../../../src/core/index.js'
import { blankTemplate, draftOf, fieldIds, freeId, moveItem, newField, newSection } from '../../../src/core/formBuilder.js'

describe('the builder’s draft operations', () => {
  it('picks ids that are not taken', () => {
    expect(freeId('q', new Set())).toBe('q')
    expect(freeId('q', new Set(['q', 'q2']))).toBe('q3')
  })

  it('makes new questions of every type that the core check accepts once labelled', () => {
    const draft = blankTemplate('survey', 'new-form')
    const section = draft.sections[0]!
    for (const type of ['check', 'integer', 'number', 'text', 'choice', 'multi', 'date', 'photo', 'signature', 'location', 'calculate'] as const) {
      section.fields.push(newField(type, fieldIds(draft)))
    }
    expect(new Set(section.fields.map((field) => field.id)).size).toBe(11)
    expect(checkTemplate(draft)).toEqual([])
  })

  it('starts an inspection with the inspection-info section the core check requires', () => {
    const draft = blankTemplate('inspection', 'flood-check')
    draft.sections.push({ ...newSection(new Set(draft.sections.map((s) => s.id))), fields: [newField('check', fieldIds(draft))] })
    expect(checkTemplate(draft)).toEqual([])
    expect(draft.sections.map((section) => section.id)).toEqual(['info', 'section'])
  })

  it('moves an item up and down within bounds', () => {
    const list = ['a', 'b', 'c']
    moveItem(list, 2, -1)
    expect(list).toEqual(['a', 'c', 'b'])
    moveItem(list, 0, -1)
    expect(list).toEqual(['a', 'c', 'b'])
  })

  it('edits a copy, never the stored template', () => {
    const draft = draftOf(fireSafety)
    draft.sections[1]!.fields[0]!.label.zh = '改过'
    expect(fireSafety.sections[1]!.fields[0]!.label.zh).not.toBe('改过')
  })
})
