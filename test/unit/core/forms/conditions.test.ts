import { describe, expect, it } from 'vitest'
import { evaluateCondition, evaluateExpr, type Condition, type FieldValue, type RepeatInstance, type Scope } from '../../../../src/core/index.js'

function scopeOf(values: Record<string, FieldValue>, repeats: Record<string, RepeatInstance[]> = {}): Scope {
  return { value: (id) => values[id], instances: (id) => repeats[id] ?? [] }
}

const s = scopeOf({ n: 5, t: '是', d: '2026-03-01', m: ['a', 'b'], c: { result: 'fail' }, blank: '' }, { buses: [{ seats: 30 }, { seats: 20 }, {}] })
const holds = (condition: Condition) => evaluateCondition(condition, s)

describe('conditions', () => {
  it('compare numbers, texts and ISO dates', () => {
    expect(holds({ op: 'eq', field: 'n', value: 5 })).toBe(true)
    expect(holds({ op: 'gt', field: 'n', value: 5 })).toBe(false)
    expect(holds({ op: 'gte', field: 'n', value: 5 })).toBe(true)
    expect(holds({ op: 'lt', field: 'n', value: 6 })).toBe(true)
    expect(holds({ op: 'eq', field: 't', value: '是' })).toBe(true)
    expect(holds({ op: 'ne', field: 't', value: '否' })).toBe(true)
    expect(holds({ op: 'lt', field: 'd', value: '2026-03-02' })).toBe(true)
  })

  it('are false on an unanswered or blank item, and across kinds', () => {
    expect(holds({ op: 'ne', field: 'missing', value: 1 })).toBe(false)
    expect(holds({ op: 'eq', field: 'blank', value: '' })).toBe(false)
    expect(holds({ op: 'eq', field: 'n', value: '5' })).toBe(false)
    expect(holds({ op: 'not', condition: { op: 'eq', field: 'missing', value: 1 } })).toBe(true)
  })

  it('answered, selected on multi, choice and check', () => {
    expect(holds({ op: 'answered', field: 'n' })).toBe(true)
    expect(holds({ op: 'answered', field: 'blank' })).toBe(false)
    expect(holds({ op: 'selected', field: 'm', value: 'b' })).toBe(true)
    expect(holds({ op: 'selected', field: 'm', value: 'z' })).toBe(false)
    expect(holds({ op: 'selected', field: 't', value: '是' })).toBe(true)
    expect(holds({ op: 'selected', field: 'c', value: 'fail' })).toBe(true)
    expect(holds({ op: 'eq', field: 'c', value: 'fail' })).toBe(true)
  })

  it('and, or, not and counts of repeat instances combine', () => {
    expect(holds({ op: 'and', conditions: [{ op: 'answered', field: 'n' }, { op: 'count', repeat: 'buses', cmp: 'eq', value: 3 }] })).toBe(true)
    expect(holds({ op: 'and', conditions: [{ op: 'answered', field: 'n' }, { op: 'count', repeat: 'buses', cmp: 'gt', value: 3 }] })).toBe(false)
    expect(holds({ op: 'or', conditions: [{ op: 'answered', field: 'missing' }, { op: 'count', repeat: 'none', cmp: 'eq', value: 0 }] })).toBe(true)
    expect(holds({ op: 'not', condition: { op: 'or', conditions: [{ op: 'answered', field: 'missing' }] } })).toBe(true)
  })
})

describe('calculations', () => {
  const calc = (expr: Parameters<typeof evaluateExpr>[0]) => evaluateExpr(expr, s)

  it('do arithmetic left to right and round', () => {
    expect(calc({ op: '+', args: [{ field: 'n' }, 2, 3] })).toBe(10)
    expect(calc({ op: '-', args: [10, { field: 'n' }, 1] })).toBe(4)
    expect(calc({ op: '*', args: [{ field: 'n' }, 0.5] })).toBe(2.5)
    expect(calc({ op: 'round', digits: 1, arg: { op: '/', args: [100, 3] } })).toBe(33.3)
    expect(calc({ op: 'round', digits: 0, arg: { op: '/', args: [{ field: 'n' }, 2] } })).toBe(3)
  })

  it('give no result for a blank input or a division by zero', () => {
    expect(calc({ op: '+', args: [{ field: 'missing' }, 1] })).toBeUndefined()
    expect(calc({ op: '/', args: [1, 0] })).toBeUndefined()
    expect(calc({ field: 't' })).toBeUndefined()
    expect(calc({ op: '*', args: [-1, 0] })).toBe(0)
    expect(Object.is(calc({ op: '*', args: [-1, 0] }), -0)).toBe(false)
  })

  it('count and sum a repeat, a blank instance counting 0', () => {
    expect(calc({ op: 'count', repeat: 'buses' })).toBe(3)
    expect(calc({ op: 'sum', repeat: 'buses', field: 'seats' })).toBe(50)
    expect(calc({ op: 'count', repeat: 'none' })).toBe(0)
  })

  it('count calendar days between two dates, across a month end', () => {
    const dates = scopeOf({ a: '2026-02-27', b: '2026-03-02', bad: '2026-02-30' })
    expect(evaluateExpr({ op: 'daysBetween', from: 'a', to: 'b' }, dates)).toBe(3)
    expect(evaluateExpr({ op: 'daysBetween', from: 'b', to: 'a' }, dates)).toBe(-3)
    expect(evaluateExpr({ op: 'daysBetween', from: 'a', to: 'bad' }, dates)).toBeUndefined()
  })
})
