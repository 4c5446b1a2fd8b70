import { allFields, fireSafety, type Answers } from '../../../src/core/index.js'

export const PHOTO_A = 'a'.repeat(64)
export const PHOTO_B = 'b'.repeat(64)

/** What a careful school would send for a fire-safety self-check where everything passes. */
export function passingFireSafetyAnswers(): Answers {
  const checks = Object.fromEntries(
    allFields(fireSafety)
      .filter((field) => field.type === 'check')
      .map((field) => [field.id, { result: 'pass' as const }]),
  )
  return {
    checkType: 'self',
    inspector: '王老师',
    checkDate: '2026-03-12',
    ...checks,
    exits: { result: 'pass', note: '东侧楼梯已清理', photos: [PHOTO_A] },
    remarks: '无其他情况',
  }
}
