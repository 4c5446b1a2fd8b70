import { describe, expect, it } from 'vitest'
import { ExpressionError, parseExpression, printExpression, referencesOf } from '../../../../src/core/xlsform/expression.js'

describe('the XLSForm expression parser', () => {
  it('reads a comparison of a field with a string', () => {
    expect(parseExpression("${boarders} = 'yes'")).toEqual({ kind: 'compare', op: '=', left: { kind: 'ref', name: 'boarders' }, right: { kind: 'string', value: 'yes' } })
  })

  it.each(['=', '!=', '<', '>', '<=', '>='])('reads the comparison %s', (op) => {
    expect(parseExpression(`\${a} ${op} 3`)).toMatchObject({ kind: 'compare', op })
  })

  it('binds and tighter than or, and comparisons tighter than both', () => {
    expect(parseExpression('${a} = 1 or ${b} = 2 and ${c} = 3')).toMatchObject({
      kind: 'logic', op: 'or', left: { kind: 'compare' }, right: { kind: 'logic', op: 'and' },
    })
  })

  it('reads not(), selected() and count()', () => {
    expect(parseExpression("not(selected(${kinds}, 'dorm')) and count(${buses}) > 0")).toEqual({
      kind: 'logic', op: 'and',
      left: { kind: 'call', name: 'not', args: [{ kind: 'call', name: 'selected', args: [{ kind: 'ref', name: 'kinds' }, { kind: 'string', value: 'dorm' }] }] },
      right: { kind: 'compare', op: '>', left: { kind: 'call', name: 'count', args: [{ kind: 'ref', name: 'buses' }] }, right: { kind: 'number', value: 0 } },
    })
  })

  it('reads the answer itself as . and arithmetic with div', () => {
    expect(parseExpression('. <= ${total} * 2')).toMatchObject({ kind: 'compare', left: { kind: 'self' }, right: { kind: 'arith', op: '*' } })
    expect(parseExpression('(${a} + ${b}) div ${c}')).toMatchObject({ kind: 'arith', op: 'div', left: { kind: 'arith', op: '+' } })
  })

  it('lists the fields an expression reads', () => {
    expect(referencesOf(parseExpression('${a} + ${b} > ${a}'))).toEqual(['a', 'b'])
  })

  it.each([
    ["(${a} = 'x' or ${b} > 2) and not(${c} = 1)"],
    ['(${a} + ${b}) div ${c} >= 0.5'],
    ["selected(${m}, 'y') and count(${r}) <= 3"],
    ['${a} - (${b} - ${c})'],
  ])('prints %s back the same', (source) => {
    expect(printExpression(parseExpression(source))).toBe(source)
  })

  it.each([
    ['', '表达式为空'],
    ["${a} = 'x", '引号没有结束'],
    ['${a} = ', '表达式不完整'],
    ['boarders = 1', '不是字段引用'],
    ['eval(${a})', '不支持函数 eval()'],
    ['selected(${a})', 'selected() 需要 2 个参数'],
    ['${a} = 1 )', '多余内容'],
    ['${a} # 1', "'#' 无法识别"],
    ['${bad name} = 1', '不是有效的编号'],
    ['(${a} = 1', "缺少 ')'"],
  ])('refuses %j with a reason in Chinese and English', (source, zh) => {
    let caught: unknown
    try { parseExpression(source) } catch (error) { caught = error }
    expect(caught).toBeInstanceOf(ExpressionError)
    expect((caught as ExpressionError).text.zh).toContain(zh)
    expect((caught as ExpressionError).text.en).not.toBe('')
  })
})
