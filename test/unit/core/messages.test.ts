import { describe, expect, it } from 'vitest'
import { issueMessage, type IssueCode } from '../../../src/core/index.js'

const codes: IssueCode[] = [
  'required', 'unknownField', 'type', 'integer', 'min', 'max', 'maxLength', 'option', 'date', 'hash', 'tooMany',
  'location', 'hazardRequired', 'hazardDescription', 'hazardDeadline', 'attachmentMissing', 'attachmentUnused', 'attachmentNotUploaded', 'uploadQuota', 'lte', 'sum', 'rectifierCannotVerify',
]

describe('issueMessage', () => {
  it('has a Chinese and an English text for every issue code', () => {
    for (const code of codes) {
      const message = issueMessage(code)
      expect(message.zh, code).toMatch(/[\u4e00-\u9fff]/)
      expect(message.en, code).toMatch(/^[A-Z"]/)
    }
  })

  it('fills parameters into both languages', () => {
    expect(issueMessage('min', { limit: 3 })).toEqual({ zh: '不能小于 3', en: 'Must be at least 3' })
    expect(issueMessage('sum', { sum: 7, total: 'Pupils', expected: 8 }).en).toBe('The parts add up to 7, but "Pupils" is 8')
  })

  it('leaves a placeholder visible when its parameter is missing rather than writing undefined', () => {
    expect(issueMessage('max').en).toBe('Must be at most {limit}')
  })
})
