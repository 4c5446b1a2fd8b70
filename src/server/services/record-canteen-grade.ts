import type { Kysely } from 'kysely'
import type { FormTemplate } from '../../core/forms/types.js'
import { periodOf } from '../../core/periods.js'
import type { SubmissionEnvelope } from '../../core/protocol.js'
import { scoreCanteen } from '../../core/scoring.js'
import type { Database } from '../db/schema.js'

function localDate(isoDate: string): Date {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number)
  return new Date(year, month - 1, day)
}

/**
 * Grades a canteen submission with core scoreCanteen and stores the server's result. Only the
 * template's scored checks count: nothing the phone claims about its grade is read.
 */
export async function recordCanteenGrade(
  trx: Kysely<Database>,
  template: FormTemplate,
  envelope: SubmissionEnvelope,
  receivedAt: string,
): Promise<void> {
  const { score, maxScore, grade } = scoreCanteen(template, envelope.answers)
  const { checkDate, checkType, mealFeeShare } = envelope.answers
  // The info section makes these required, so a validated canteen submission has them.
  const date = typeof checkDate === 'string' ? checkDate : receivedAt.slice(0, 10)
  await trx
    .insertInto('canteen_grades')
    .values({
      submission_id: envelope.id,
      school_id: envelope.schoolId,
      form_id: envelope.formId,
      check_date: date,
      term: periodOf(localDate(date), 'term'),
      check_type: typeof checkType === 'string' ? checkType : 'self',
      score,
      max_score: maxScore,
      grade,
      meal_fee_share: typeof mealFeeShare === 'number' ? mealFeeShare : null,
      received_at: receivedAt,
    })
    .execute()
}
