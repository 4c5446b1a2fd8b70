import type { Answers, ComputedRate, FormTemplate } from './forms/types.js'

export type RateValue = {
  readonly id: string
  readonly label: ComputedRate['label']
  /** Percent rounded to one decimal, or null until the numerator and a non-zero denominator are known. */
  readonly percent: number | null
}

function numberAt(answers: Answers, fieldId: string): number | undefined {
  const value = answers[fieldId]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** One declared rate from a set of answers: sum(numerator) / denominator as a percentage. */
export function computeRate(rate: ComputedRate, answers: Answers): number | null {
  const denominator = numberAt(answers, rate.denominator)
  const parts = rate.numerator.map((id) => numberAt(answers, id))
  if (denominator === undefined || denominator <= 0 || parts.some((part) => part === undefined)) return null
  const numerator = parts.reduce<number>((sum, part) => sum + (part ?? 0), 0)
  return Math.round((numerator / denominator) * 1000) / 10
}

/** Every rate the template declares (优良率, 近视率, 家访率…), for display as the user types. */
export function computeRates(template: FormTemplate, answers: Answers): RateValue[] {
  return (template.computed ?? []).map((rate) => ({ id: rate.id, label: rate.label, percent: computeRate(rate, answers) }))
}
