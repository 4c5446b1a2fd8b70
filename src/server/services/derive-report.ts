import type { Kysely } from 'kysely'
import type { FormTemplate } from '../../core/forms/types.js'
import type { SubmissionEnvelope } from '../../core/protocol.js'
import type { Database } from '../db/schema.js'
import { recordCanteenGrade } from './record-canteen-grade.js'
import { recordSurveyReport } from './record-survey-report.js'

/** What a canteen or survey submission adds beside its row, inside the ingest transaction. */
export async function deriveReport(
  trx: Kysely<Database>,
  template: FormTemplate,
  envelope: SubmissionEnvelope,
  receivedAt: string,
): Promise<void> {
  if (template.kind === 'canteen') await recordCanteenGrade(trx, template, envelope, receivedAt)
  if (template.kind === 'survey' && template.period !== undefined) await recordSurveyReport(trx, template, envelope, receivedAt)
}
