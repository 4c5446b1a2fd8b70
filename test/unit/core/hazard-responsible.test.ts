import { describe, expect, it } from 'vitest'
import { deriveHazards, fireSafety, validateAnswers } from '../../../src/core/index.js'
import { passingFireSafetyAnswers } from './fire-safety-answers.js'

const failed = (hazard: Record<string, unknown>) => ({
  ...passingFireSafetyAnswers(),
  exits: { result: 'fail', photos: ['c'.repeat(64)], hazard: { description: '后门上锁', severity: 'high', deadline: '2026-03-10', ...hazard } },
})

describe('the responsible person of a hazard', () => {
  it('is optional', () => {
    expect(validateAnswers(fireSafety, failed({}))).toEqual([])
  })

  it('is kept on the derived hazard with the photos', () => {
    const [hazard] = deriveHazards(fireSafety, failed({ responsible: '总务处 李主任' }) as never)
    expect(hazard).toMatchObject({ fieldId: 'exits', responsible: '总务处 李主任', photos: ['c'.repeat(64)] })
  })

  it('must be text of at most 50 characters', () => {
    expect(validateAnswers(fireSafety, failed({ responsible: 7 })).map((issue) => issue.code)).toEqual(['type'])
    expect(validateAnswers(fireSafety, failed({ responsible: '李'.repeat(51) })).map((issue) => issue.code)).toEqual(['maxLength'])
  })
})
