import type { Answers, CheckAnswer, Field, FormTemplate } from '../../src/core/forms/types.js'
import { hasErrors, validateAnswers } from '../../src/core/validate.js'

const SEVERITIES = ['low', 'low', 'medium', 'medium', 'high'] as const

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

function answerFor(field: Field, day: string, random: () => number, failRate: number): Answers[string] | undefined {
  switch (field.type) {
    case 'check': {
      if (random() >= failRate) return { result: random() < 0.05 ? 'na' : 'pass' } satisfies CheckAnswer
      const severity = SEVERITIES[Math.floor(random() * SEVERITIES.length)] ?? 'low'
      return { result: 'fail', note: '现场发现问题', hazard: { description: `${field.label.zh}存在隐患`, severity, deadline: addDays(day, 7 + Math.floor(random() * 30)) } }
    }
    case 'integer':
    case 'number':
      return Math.max(field.min ?? 0, 0)
    case 'text':
      return field.required ? '张老师' : undefined
    case 'choice':
      return field.options[0]?.value
    case 'multi':
      return field.options[0] ? [field.options[0].value] : []
    case 'date':
      return day
    default:
      // Photos, signatures and locations: the county is text only (no blob uploads to time here).
      return undefined
  }
}

/**
 * Answers a template accepts, filed on `day`: checks pass except about `failRate` of them, which
 * fail with a hazard; counts are zero (every sum and ≤ rule holds). Undefined when the template
 * needs something the generator does not make (a required photo or signature).
 */
export function countyAnswers(template: FormTemplate, day: string, random: () => number, failRate: number): Answers | undefined {
  const answers: Record<string, Answers[string]> = {}
  for (const section of template.sections) {
    for (const field of section.fields) {
      const value = answerFor(field, day, random, failRate)
      if (value !== undefined) answers[field.id] = value
    }
  }
  return hasErrors(validateAnswers(template, answers)) ? undefined : answers
}
