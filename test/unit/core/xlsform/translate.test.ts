import { describe, expect, it } from 'vitest'
import type { Condition, Expr } from '../../../../src/core/forms/types.js'
import { ExpressionError } from '../../../../src/core/xlsform/expression.js'
import { parseCalculation, parseCondition, parseConstraint, printCalculation, printCondition } from '../../../../src/core/xlsform/translate.js'

const conditions: [string, Condition][] = [
  ["${a} = 'yes'", { op: 'eq', field: 'a', value: 'yes' }],
  ['${a} != 3', { op: 'ne', field: 'a', value: 3 }],
  ['${a} < 3', { op: 'lt', field: 'a', value: 3 }],
  ['${a} <= 3', { op: 'lte', field: 'a', value: 3 }],
  ['${a} > 3', { op: 'gt', field: 'a', value: 3 }],
  ['${a} >= 3', { op: 'gte', field: 'a', value: 3 }],
  ["${a} != ''", { op: 'answered', field: 'a' }],
  ["selected(${kinds}, 'dorm')", { op: 'selected', field: 'kinds', value: 'dorm' }],
  ["not(${a} = 'x')", { op: 'not', condition: { op: 'eq', field: 'a', value: 'x' } }],
  ['count(${buses}) >= 2', { op: 'count', repeat: 'buses', cmp: 'gte', value: 2 }],
  ["${a} = 1 and ${b} = 2 and ${c} = 'x'", { op: 'and', conditions: [{ op: 'eq', field: 'a', value: 1 }, { op: 'eq', field: 'b', value: 2 }, { op: 'eq', field: 'c', value: 'x' }] }],
  ['(${a} = 1 or ${b} = 2) and ${c} = 3', { op: 'and', conditions: [{ op: 'or', conditions: [{ op: 'eq', field: 'a', value: 1 }, { op: 'eq', field: 'b', value: 2 }] }, { op: 'eq', field: 'c', value: 3 }] }],
]

describe('conditions between XLSForm and the engine', () => {
  it.each(conditions)('reads %s and writes it back the same', (source, condition) => {
    expect(parseCondition(source)).toEqual(condition)
    expect(printCondition(condition)).toBe(source)
  })

  it('reads a field on the right and a bare field as "answered"', () => {
    expect(parseCondition('3 < ${a}')).toEqual({ op: 'gt', field: 'a', value: 3 })
    expect(parseCondition('${a}')).toEqual({ op: 'answered', field: 'a' })
    expect(parseCondition("${a} = ''")).toEqual({ op: 'not', condition: { op: 'answered', field: 'a' } })
  })

  it.each(['${a} = ${b}', '${a} + 1 = 2', 'count(${r})', "selected('x', ${a})", 'true()'])('refuses %s as a condition', (source) => {
    expect(() => parseCondition(source)).toThrow(ExpressionError)
  })
})

const calculations: [string, Expr][] = [
  ['${a} + ${b} + ${c}', { op: '+', args: [{ field: 'a' }, { field: 'b' }, { field: 'c' }] }],
  ['(${a} - ${b}) * 100', { op: '*', args: [{ op: '-', args: [{ field: 'a' }, { field: 'b' }] }, 100] }],
  ['${a} div ${b}', { op: '/', args: [{ field: 'a' }, { field: 'b' }] }],
  ['count(${buses})', { op: 'count', repeat: 'buses' }],
  ['sum(${seats})', { op: 'sum', repeat: 'buses', field: 'seats' }],
  ['round(${a} div 3, 1)', { op: 'round', digits: 1, arg: { op: '/', args: [{ field: 'a' }, 3] } }],
  ['decimal-date-time(${to}) - decimal-date-time(${from})', { op: 'daysBetween', from: 'from', to: 'to' }],
]

describe('calculations between XLSForm and the engine', () => {
  const repeatOf = (id: string) => (id === 'seats' ? 'buses' : undefined)
  it.each(calculations)('reads %s and writes it back the same', (source, expr) => {
    expect(parseCalculation(source, repeatOf)).toEqual(expr)
    expect(printCalculation(expr)).toBe(source)
  })

  it.each(['${a} mod 2', "${a} = 'x'", 'sum(${a})', 'round(${a}, ${b})'])('refuses %s as a calculation', (source) => {
    expect(() => parseCalculation(source, repeatOf)).toThrow(ExpressionError)
  })
})

describe('constraints', () => {
  it('become bounds and ≤ rules', () => {
    expect(parseConstraint('. >= 0 and . <= 100')).toEqual({ min: 0, max: 100, atMost: [], atLeast: [] })
    expect(parseConstraint('. <= ${total} and ${part} <= .')).toEqual({ atMost: ['total'], atLeast: ['part'] })
  })

  it.each(['. > 0', '. != 3', 'regex(., "x")', '${a} <= 3'])('refuses %s', (source) => {
    expect(() => parseConstraint(source)).toThrow(ExpressionError)
  })
})
