import { allFields } from './forms/types.js'
import type { Answers, CheckAnswer, FormTemplate } from './forms/types.js'

/** Below the lowest threshold: the canteen fails and needs rectification. */
export const FAIL_GRADE = 'fail'

export type CanteenScore = {
  /** Points of the items that passed. */
  readonly score: number
  /** Points of the items answered pass or fail; N/A items (and unanswered ones) are left out. */
  readonly maxScore: number
  /** score / maxScore × 100, one decimal; 0 while nothing applicable is answered. */
  readonly percent: number
  /** A threshold's grade ('A', 'B', 'C'…) or FAIL_GRADE. */
  readonly grade: string
  /** Scored items not yet answered: while any remain, the grade is provisional. */
  readonly unanswered: number
}

function resultOf(value: unknown): CheckAnswer['result'] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const result = (value as Partial<CheckAnswer>).result
  return result === 'pass' || result === 'fail' || result === 'na' ? result : undefined
}

/** The grade a score earns: thresholds are tried from the highest `min` down, compared exactly (no rounding). */
export function gradeFor(template: FormTemplate, score: number, maxScore: number): string {
  if (maxScore <= 0) return FAIL_GRADE
  const thresholds = [...(template.grading?.thresholds ?? [])].sort((a, b) => b.min - a.min)
  const reached = thresholds.find((threshold) => score * 100 >= threshold.min * maxScore)
  return reached?.grade ?? FAIL_GRADE
}

/**
 * A canteen's score and grade from its answers. The phone shows it while the user answers;
 * the server runs the same function on ingest and stores its own result, never the client's.
 */
export function scoreCanteen(template: FormTemplate, answers: Answers): CanteenScore {
  let score = 0
  let maxScore = 0
  let unanswered = 0
  for (const field of allFields(template)) {
    if (field.type !== 'check' || field.points === undefined) continue
    const result = resultOf(answers[field.id])
    if (result === undefined) unanswered += 1
    if (result === 'pass' || result === 'fail') maxScore += field.points
    if (result === 'pass') score += field.points
  }
  const percent = maxScore === 0 ? 0 : Math.round((score / maxScore) * 1000) / 10
  return { score, maxScore, percent, grade: gradeFor(template, score, maxScore), unanswered }
}
