import type { Answers, Field, FormTemplate, SubmissionEnvelope } from '../../../../src/core/index.js'
import { allFields } from '../../../../src/core/index.js'

const HASH = 'd'.repeat(64)

/** A plausible answer per field, the way schools filed reports before the form engine grew. */
function sampleAnswer(template: FormTemplate, field: Field, index: number): Answers[string] | undefined {
  switch (field.type) {
    case 'check': {
      const result = (['pass', 'fail', 'na'] as const)[index % 3] ?? 'pass'
      if (result !== 'fail') return { result, ...(index % 2 === 0 ? { note: `备注 ${index}` } : {}) }
      const graded = template.kind === 'inspection' || template.kind === 'canteen'
      return graded
        ? { result, photos: [HASH], hazard: { description: `隐患 ${index}`, severity: 'medium', deadline: '2026-04-01', responsible: '张三' } }
        : { result }
    }
    case 'integer':
    case 'number':
      return field.min !== undefined && field.min > 0 ? field.min : 0
    case 'text':
      return `文字 ${index}`
    case 'choice':
      return field.options[0]?.value
    case 'multi':
      return field.options.slice(0, 2).map((option) => option.value)
    case 'date':
      return '2026-03-12'
    case 'photo':
      return [HASH]
    case 'signature':
      return HASH
    case 'location':
      return { lat: 30.25, lng: 120.17, accuracy: 12.5 }
    default:
      return undefined
  }
}

/** The report a school would have filed under `template`, every field answered; fixed ids and times. */
export function storedReport(template: FormTemplate): SubmissionEnvelope {
  const answers: Record<string, Answers[string]> = {}
  allFields(template).forEach((field, index) => {
    const value = sampleAnswer(template, field, index)
    if (value !== undefined) answers[field.id] = value
  })
  const usesHash = JSON.stringify(answers).includes(HASH)
  return {
    id: '0192a000-0000-7000-8000-000000000001',
    formId: template.id,
    formVersion: template.version,
    schoolId: 'school-1',
    ...(template.period === 'year' ? { period: '2026' } : template.period === 'term' ? { period: '2026-T1' } : template.period === 'month' ? { period: '2026-03' } : {}),
    answers,
    attachments: usesHash ? [HASH] : [],
    startedAt: '2026-03-12T01:00:00.000Z',
    completedAt: '2026-03-12T01:30:00.000Z',
    deviceId: 'device-1',
  }
}
