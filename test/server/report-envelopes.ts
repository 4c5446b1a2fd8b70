import { v7 as uuidv7 } from 'uuid'
import type { Answers } from '../../src/core/forms/types.js'
import type { SubmissionEnvelope } from '../../src/core/protocol.js'
import { canteenAnswers } from '../unit/core/canteen-answers.js'

type Overrides = Partial<Omit<SubmissionEnvelope, 'answers'>> & { answers?: Record<string, unknown> }

function envelope(formId: string, answers: Answers, overrides: Overrides): SubmissionEnvelope {
  return {
    id: uuidv7(),
    formId,
    formVersion: 1,
    schoolId: 'school-1',
    answers,
    attachments: [],
    startedAt: '2026-03-05T08:00:00.000Z',
    completedAt: '2026-03-05T08:20:00.000Z',
    deviceId: 'device-test-1',
    ...overrides,
  } as SubmissionEnvelope
}

/** A canteen grading for school-1; every item passes unless listed. */
export function canteenEnvelope(
  options: { fail?: readonly string[]; na?: readonly string[]; checkDate?: string; checkType?: string } = {},
  overrides: Overrides = {},
): SubmissionEnvelope {
  const answers = {
    ...canteenAnswers(options),
    ...(options.checkDate ? { checkDate: options.checkDate } : {}),
    ...(options.checkType ? { checkType: options.checkType } : {}),
  }
  return envelope('canteen-grading', answers, overrides)
}

/** A myopia-screening report for school-1 in 2026-T1 unless overridden. */
export function myopiaEnvelope(counts: { enrolled: number; screened: number; myopic: number }, overrides: Overrides = {}): SubmissionEnvelope {
  return envelope('myopia-screening', counts, { period: '2026-T1', ...overrides })
}
