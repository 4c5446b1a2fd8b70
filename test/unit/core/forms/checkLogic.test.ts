import { describe, expect, it } from 'vitest'
import { checkTemplate, type FormTemplate, type Section } from '../../../../src/core/index.js'
import { busForm, label } from './engineFixtures.js'

function withSections(sections: readonly Section[], extra: Partial<FormTemplate> = {}): FormTemplate {
  return { ...busForm, kind: 'survey', sections, ...extra }
}

const problems = (template: unknown) => checkTemplate(template).map((problem) => `${problem.path}: ${problem.message}`)

const a: Section = { id: 'a', title: label('A'), fields: [{ id: 'x', type: 'integer', label: label('X') }, { id: 'y', type: 'integer', label: label('Y') }] }
const r: Section = { id: 'rows', title: label('Rows'), repeat: { min: 0, max: 3 }, fields: [{ id: 'n', type: 'integer', label: label('N') }] }

describe('checkTemplate on conditions, repeats and calculations', () => {
  it('names an unknown field', () => {
    const bad = { ...a, fields: [a.fields[0]!, { ...a.fields[1]!, relevant: { op: 'answered', field: 'nope' } }] } as Section
    expect(problems(withSections([bad]))).toEqual(['sections[0].fields[1].relevant.field: names no field "nope"'])
  })

  it('refuses a forward reference and a reference to itself (so no cycles)', () => {
    const forward = { ...a, fields: [{ ...a.fields[0]!, relevant: { op: 'eq', field: 'y', value: 1 } }, a.fields[1]!] } as Section
    expect(problems(withSections([forward]))).toEqual(['sections[0].fields[0].relevant.field: refers to "y", which is not answered before this item'])
    const self = { ...a, fields: [a.fields[0]!, { id: 'c', type: 'calculate', label: label('C'), expression: { op: '+', args: [{ field: 'c' }, 1] } }] } as Section
    expect(problems(withSections([self]))).toEqual(['sections[0].fields[1].expression.args[0].field: refers to "c", which is not answered before this item'])
  })

  it('reads a repeat item only from its own instance, and a repeat from outside only by count or sum after it', () => {
    const after: Section = { id: 'b', title: label('B'), fields: [
      { id: 'direct', type: 'calculate', label: label('D'), expression: { field: 'n' } },
      { id: 'total', type: 'calculate', label: label('T'), expression: { op: 'sum', repeat: 'rows', field: 'n' } },
      { id: 'wrong', type: 'calculate', label: label('W'), expression: { op: 'sum', repeat: 'rows', field: 'x' } },
    ] }
    expect(problems(withSections([a, r, after]))).toEqual([
      'sections[2].fields[0].expression.field: refers to "n" inside the repeat "rows": use count or sum',
      'sections[2].fields[2].expression.field: names no item of the repeat "rows"',
    ])
    const early = { ...a, relevant: { op: 'count', repeat: 'rows', cmp: 'gt', value: 0 } } as Section
    expect(problems(withSections([early, r]))).toEqual(['sections[0].relevant.repeat: refers to the repeat "rows" before it ends'])
  })

  it('checks selected values against the options, and calculation inputs by type', () => {
    const s = { id: 's', title: label('S'), fields: [
      { id: 'pick', type: 'choice', label: label('P'), options: [{ value: 'yes', label: label('Yes') }] },
      { id: 'd', type: 'text', label: label('D'), relevant: { op: 'selected', field: 'pick', value: 'maybe' } },
      { id: 'days', type: 'calculate', label: label('Days'), expression: { op: 'daysBetween', from: 'pick', to: 'd' } },
    ] } as Section
    expect(problems(withSections([s]))).toEqual([
      'sections[0].fields[1].relevant.field: "maybe" is not one of its options',
      'sections[0].fields[2].expression.from: is not a date item',
      'sections[0].fields[2].expression.to: is not a date item',
    ])
  })

  it('checks repeat settings and ids, unknown operators and depth', () => {
    const badRepeat = { ...r, id: 'x', repeat: { min: 4, max: 3 } } as Section
    expect(problems(withSections([a, badRepeat]))).toEqual(['sections[1].repeat.min: is above max', `sections[1].id: is also a field id: a repeat's answers are kept under its id`])
    let deep: unknown = { op: 'answered', field: 'x' }
    for (let i = 0; i < 20; i += 1) deep = { op: 'not', condition: deep }
    const nested = { ...a, fields: [a.fields[0]!, { ...a.fields[1]!, relevant: deep }] } as Section
    expect(problems(withSections([nested]))[0]).toMatch(/nests more than 12 levels/)
    const unknownOp = { ...a, fields: [a.fields[0]!, { ...a.fields[1]!, relevant: { op: 'eval', code: '1' } }] }
    expect(problems(withSections([unknownOp as Section]))).toEqual(['sections[0].fields[1].relevant.op: is not a known condition'])
  })

  it('lets rules and rates name only items outside repeats', () => {
    expect(problems(withSections([a, r], { rules: [{ kind: 'lte', left: 'n', right: 'x' }] }))).toEqual(['rules[0]: names no field'])
  })
})
