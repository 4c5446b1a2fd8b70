import { describe, expect, it } from 'vitest'
import { hasErrors, validateAnswers, type Field } from '../../../src/core/index.js'
import { HASH_A, HASH_B, label, templateOf } from './validateFixtures.js'

describe('validateAnswers: cross-field rules', () => {
  const fields: Field[] = [
    { id: 'boys', type: 'integer', label: { zh: '男生', en: 'Boys' } },
    { id: 'girls', type: 'integer', label: { zh: '女生', en: 'Girls' } },
    { id: 'total', type: 'integer', label: { zh: '学生总数', en: 'Pupils' } },
    { id: 'injured', type: 'integer', label: { zh: '受伤人数', en: 'Injured' } },
  ]

  it('reports an lte rule broken, with both labels in each language', () => {
    const template = templateOf(fields, { rules: [{ kind: 'lte', left: 'injured', right: 'total' }] })
    const issues = validateAnswers(template, { injured: 12, total: 10 })
    expect(issues).toEqual([
      {
        fieldId: 'injured',
        code: 'lte',
        severity: 'error',
        message: { zh: '“受伤人数”不能大于“学生总数”', en: '"Injured" cannot exceed "Pupils"' },
      },
    ])
  })

  it('accepts an lte rule when left equals right', () => {
    const template = templateOf(fields, { rules: [{ kind: 'lte', left: 'injured', right: 'total' }] })
    expect(validateAnswers(template, { injured: 10, total: 10 })).toEqual([])
  })

  it('skips a rule when one of its fields is unanswered', () => {
    const template = templateOf(fields, {
      rules: [
        { kind: 'lte', left: 'injured', right: 'total' },
        { kind: 'sum', parts: ['boys', 'girls'], total: 'total' },
      ],
    })
    expect(validateAnswers(template, { injured: 12, boys: 3 })).toEqual([])
  })

  it('reports a sum rule broken, with the sum and the total filled in', () => {
    const template = templateOf(fields, { rules: [{ kind: 'sum', parts: ['boys', 'girls'], total: 'total' }] })
    const issues = validateAnswers(template, { boys: 5, girls: 4, total: 10 })
    expect(issues).toEqual([
      {
        fieldId: 'total',
        code: 'sum',
        severity: 'error',
        message: {
          zh: '各项之和（9）应等于“学生总数”（10）',
          en: 'The parts add up to 9, but "Pupils" is 10',
        },
      },
    ])
  })

  it('accepts a sum rule whose parts add up to the total', () => {
    const template = templateOf(fields, { rules: [{ kind: 'sum', parts: ['boys', 'girls'], total: 'total' }] })
    expect(validateAnswers(template, { boys: 6, girls: 4, total: 10 })).toEqual([])
  })

  it('reports a rule marked as a warning as a warning, which is not an error', () => {
    const template = templateOf(fields, {
      rules: [
        { kind: 'lte', left: 'injured', right: 'total', severity: 'warning' },
        { kind: 'sum', parts: ['boys', 'girls'], total: 'total', severity: 'warning' },
      ],
    })
    const issues = validateAnswers(template, { boys: 1, girls: 1, total: 3, injured: 4 })
    expect(issues.map((issue) => [issue.code, issue.severity])).toEqual([
      ['lte', 'warning'],
      ['sum', 'warning'],
    ])
    expect(hasErrors(issues)).toBe(false)
  })

  it('does not run rules while a field still has an error', () => {
    const template = templateOf(fields, { rules: [{ kind: 'lte', left: 'injured', right: 'total' }] })
    const issues = validateAnswers(template, { injured: 12, total: 10, boys: 1.5 })
    expect(issues.map((issue) => issue.code)).toEqual(['integer'])
  })
})

describe('validateAnswers: messages', () => {
  it('gives every issue a Chinese and an English message with no placeholder left over', () => {
    const template = templateOf([
      { id: 'a', type: 'integer', max: 3, label: label('A') },
      { id: 'b', type: 'text', maxLength: 2, label: label('B') },
      { id: 'c', type: 'photo', max: 1, label: label('C') },
      { id: 'd', type: 'date', required: true, label: label('D') },
    ])
    const issues = validateAnswers(template, { a: 4, b: 'abc', c: [HASH_A, HASH_B], x: 1 })
    expect(issues.map((issue) => issue.code).sort()).toEqual(['max', 'maxLength', 'required', 'tooMany', 'unknownField'])
    for (const issue of issues) {
      expect(issue.message.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(issue.message.en).toMatch(/[A-Za-z]/)
      expect(`${issue.message.zh}${issue.message.en}`).not.toMatch(/\{\w+\}/)
    }
    expect(issues.find((issue) => issue.code === 'maxLength')?.message).toEqual({ zh: '最多 2 个字', en: 'At most 2 characters' })
  })
})
