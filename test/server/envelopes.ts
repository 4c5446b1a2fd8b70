import { v7 as uuidv7 } from 'uuid'
import type { Answers, CheckAnswer } from '../../src/core/forms/types.js'
import type { SubmissionEnvelope } from '../../src/core/protocol.js'

const checkFields = [
  'exits',
  'emergencyLights',
  'drill',
  'extinguishers',
  'hydrants',
  'alarm',
  'miniStation',
  'wiring',
  'dormAppliances',
  'kitchenGas',
  'labChemicals',
  'responsibility',
] as const

export function passingAnswers(): Record<string, Answers[string]> {
  const answers: Record<string, Answers[string]> = { checkType: 'self', inspector: '王老师', checkDate: '2026-03-02' }
  for (const field of checkFields) answers[field] = { result: 'pass' } satisfies CheckAnswer
  return answers
}

type Overrides = Partial<Omit<SubmissionEnvelope, 'answers'>> & { answers?: Record<string, unknown> }

/** A valid fire-safety self-check for school-1 unless overridden. */
export function fireSafetyEnvelope(overrides: Overrides = {}): SubmissionEnvelope {
  return {
    id: uuidv7(),
    formId: 'fire-safety',
    formVersion: 1,
    schoolId: 'school-1',
    answers: passingAnswers(),
    attachments: [],
    startedAt: '2026-03-02T08:00:00.000Z',
    completedAt: '2026-03-02T08:20:00.000Z',
    deviceId: 'device-test-1',
    ...overrides,
  } as SubmissionEnvelope
}
