import { describe, expect, it } from 'vitest'
import {
  compareAttachments,
  checkEnvelopeShape,
  fireSafety,
  validateSubmission,
  type FormTemplate,
  type SubmissionEnvelope,
} from '../../../src/core/index.js'
import { PHOTO_A, PHOTO_B, passingFireSafetyAnswers } from './fire-safety-answers.js'

function envelope(overrides: Partial<Record<keyof SubmissionEnvelope, unknown>> = {}): SubmissionEnvelope {
  return {
    id: '0b7e5c1a-3f4d-4e2a-9c1b-6d8e2f4a1b3c',
    formId: 'fire-safety',
    formVersion: 1,
    schoolId: 'school-1',
    answers: passingFireSafetyAnswers(),
    attachments: [PHOTO_A],
    startedAt: '2026-03-12T08:00:00+08:00',
    completedAt: '2026-03-12T08:20:31.250Z',
    deviceId: 'device-1',
    ...overrides,
  } as SubmissionEnvelope
}

function badFields(value: SubmissionEnvelope): string[] {
  return checkEnvelopeShape(value).map((issue) => issue.fieldId)
}

describe('checkEnvelopeShape', () => {
  it('finds nothing wrong with a well-formed envelope', () => {
    expect(checkEnvelopeShape(envelope())).toEqual([])
  })

  it('refuses an id that is not a lowercase uuid', () => {
    for (const id of ['not-a-uuid', '0B7E5C1A-3F4D-4E2A-9C1B-6D8E2F4A1B3C', '0b7e5c1a3f4d4e2a9c1b6d8e2f4a1b3c', 42]) {
      expect(badFields(envelope({ id })), String(id)).toEqual(['id'])
    }
  })

  it('refuses empty or overlong form, school and device ids', () => {
    expect(badFields(envelope({ formId: '' }))).toEqual(['formId'])
    expect(badFields(envelope({ schoolId: 's'.repeat(65) }))).toEqual(['schoolId'])
    expect(badFields(envelope({ deviceId: undefined }))).toEqual(['deviceId'])
  })

  it('refuses a form version that is not a positive integer', () => {
    // Over 2^31 - 1 the databases' integer column would fail as a 5xx.
    for (const formVersion of [0, -1, 1.5, '1', 2_147_483_648, 1e308]) {
      expect(badFields(envelope({ formVersion })), String(formVersion)).toEqual(['formVersion'])
    }
  })

  it('refuses timestamps that are not ISO 8601 with a zone, or name an impossible day', () => {
    for (const startedAt of ['2026-03-12 08:00:00', '2026-03-12T08:00:00', '2026-03-12', 'yesterday', '2026-02-30T10:00:00Z', 1741766400000]) {
      expect(badFields(envelope({ startedAt })), String(startedAt)).toEqual(['startedAt'])
    }
    expect(badFields(envelope({ completedAt: '2026-13-01T00:00:00Z' }))).toEqual(['completedAt'])
  })

  it('accepts the period written as a year, a term or a month, and refuses other spellings', () => {
    for (const period of ['2026', '2026-T1', '2026-T2', '2026-03']) expect(badFields(envelope({ period })), period).toEqual([])
    for (const period of ['2026-T3', '2026-13', '26', '2026-3', '']) {
      expect(badFields(envelope({ period })), period).toEqual(['period'])
    }
  })

  it('refuses attachments that are not a list of SHA-256 hex hashes', () => {
    expect(badFields(envelope({ attachments: ['xyz'] }))).toEqual(['attachments'])
    expect(badFields(envelope({ attachments: [PHOTO_A.toUpperCase()] }))).toEqual(['attachments'])
    expect(badFields(envelope({ attachments: PHOTO_A }))).toEqual(['attachments'])
  })

  it('refuses more than 200 attachments', () => {
    expect(badFields(envelope({ attachments: Array(200).fill(PHOTO_A) }))).toEqual([])
    expect(badFields(envelope({ attachments: Array(201).fill(PHOTO_A) }))).toEqual(['attachments'])
  })

  it('refuses a subject id that is present but empty', () => {
    expect(badFields(envelope({ subjectId: 'canteen-2' }))).toEqual([])
    expect(badFields(envelope({ subjectId: '' }))).toEqual(['subjectId'])
  })

  it('refuses a location that is out of bounds', () => {
    expect(badFields(envelope({ location: { lat: 31.2, lng: 121.5, accuracy: 8 } }))).toEqual([])
    expect(badFields(envelope({ location: { lat: 95, lng: 121.5, accuracy: 8 } }))).toEqual(['location'])
  })

  it('reports every bad member, each as a format error', () => {
    const issues = checkEnvelopeShape(envelope({ id: 'x', formVersion: 0, deviceId: '' }))
    expect(issues.map((issue) => issue.fieldId)).toEqual(['id', 'formVersion', 'deviceId'])
    expect(issues.every((issue) => issue.code === 'type' && issue.severity === 'error')).toBe(true)
    expect(issues[0]?.message).toEqual({ zh: '填写的内容格式不对', en: 'The answer has the wrong format' })
  })
})

describe('validateSubmission', () => {
  it('accepts a passing fire-safety submission whose photo is attached', () => {
    expect(validateSubmission(fireSafety, envelope())).toEqual([])
  })

  it('reports shape problems before looking at the answers', () => {
    const issues = validateSubmission(fireSafety, envelope({ id: 'nope', answers: {} }))
    expect(issues.map((issue) => issue.fieldId)).toEqual(['id'])
  })

  it('reports answer problems against the template', () => {
    const answers = { ...passingFireSafetyAnswers(), exits: { result: 'fail' } }
    const issues = validateSubmission(fireSafety, envelope({ answers }))
    expect(issues.map((issue) => [issue.fieldId, issue.code])).toEqual([['exits', 'hazardRequired']])
  })

  it('reports a photo the answers refer to but the attachments do not list', () => {
    const issues = validateSubmission(fireSafety, envelope({ attachments: [] }))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ fieldId: 'attachments', code: 'attachmentMissing', severity: 'error' })
    expect(issues[0]?.message.en).toBe('A photo was not saved with the report')
  })

  it('refuses an attachment listed but used by no answer', () => {
    const issues = validateSubmission(fireSafety, envelope({ attachments: [PHOTO_A, PHOTO_B] }))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ fieldId: 'attachments', code: 'attachmentUnused', severity: 'error' })
    expect(issues[0]?.message.zh).toMatch(/未被任何填报项使用/)
  })

  it('compareAttachments names the hashes missing from the list and those no answer uses', () => {
    expect(compareAttachments(fireSafety, envelope({ attachments: [PHOTO_B] }))).toEqual({ missing: [PHOTO_A], unused: [PHOTO_B] })
    expect(compareAttachments(fireSafety, envelope({ attachments: [PHOTO_A, PHOTO_A] }))).toEqual({ missing: [], unused: [] })
  })

  it('requires a period of the right kind when the template is filed per period', () => {
    const survey: FormTemplate = {
      id: 'headcount',
      version: 1,
      kind: 'survey',
      period: 'term',
      title: { zh: '人数', en: 'Headcount' },
      sections: [{ id: 's', title: { zh: '人数', en: 'Headcount' }, fields: [{ id: 'n', type: 'integer', label: { zh: '人数', en: 'N' } }] }],
    }
    const base = { formId: 'headcount', answers: { n: 3 }, attachments: [] }
    expect(validateSubmission(survey, envelope({ ...base, period: '2026-T1' }))).toEqual([])
    expect(validateSubmission(survey, envelope(base)).map((issue) => issue.fieldId)).toEqual(['period'])
    expect(validateSubmission(survey, envelope({ ...base, period: '2026-03' })).map((issue) => issue.fieldId)).toEqual(['period'])
  })
})

describe('checkEnvelopeShape and non-finite numbers', () => {
  // JSON.parse turns 1e309 into Infinity: such a report has no canonical JSON and no digest.
  it('refuses Infinity, -Infinity and NaN anywhere in the answers, naming the answer', () => {
    for (const bad of [Infinity, -Infinity, Number.NaN]) {
      const answers = { ...passingFireSafetyAnswers(), exits: { result: 'pass', note: 'x', extra: [1, bad] } }
      expect(badFields(envelope({ answers })), String(bad)).toEqual(['exits'])
      expect(badFields(envelope({ answers: { ...passingFireSafetyAnswers(), pupils: bad } })), String(bad)).toEqual(['pupils'])
    }
  })

  it('refuses a non-finite number in the envelope itself, naming its key', () => {
    expect(badFields(envelope({ location: { lat: 30, lng: 114, accuracy: Infinity } }))).toContain('location')
    expect(badFields(envelope({ formVersion: Infinity }))).toEqual(['formVersion'])
    expect(badFields(envelope({ subjectId: 'h', extra: -Infinity } as never))).toEqual(['extra'])
  })

  it('keeps huge but finite numbers for the template checks (min/max) to judge', () => {
    expect(badFields(envelope({ answers: { ...passingFireSafetyAnswers(), pupils: 1e308 } }))).toEqual([])
  })
})
