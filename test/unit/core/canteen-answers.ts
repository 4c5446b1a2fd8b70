import { allFields, canteenGrading, type Answers, type CheckAnswer } from '../../../src/core/index.js'

export const canteenCheckIds: readonly string[] = allFields(canteenGrading)
  .filter((field) => field.type === 'check')
  .map((field) => field.id)

const failed: CheckAnswer = {
  result: 'fail',
  hazard: { description: '留样不足125克', severity: 'medium', deadline: '2026-03-20' },
}

/** A complete canteen grading: every item passes unless listed in `fail` or `na`. */
export function canteenAnswers(options: { fail?: readonly string[]; na?: readonly string[] } = {}): Answers {
  const answers: Record<string, Answers[string]> = { checkType: 'self', inspector: '李老师', checkDate: '2026-03-05', mealFeeShare: 92.5 }
  for (const id of canteenCheckIds) {
    if (options.fail?.includes(id)) answers[id] = failed
    else if (options.na?.includes(id)) answers[id] = { result: 'na' }
    else answers[id] = { result: 'pass' }
  }
  return answers
}
