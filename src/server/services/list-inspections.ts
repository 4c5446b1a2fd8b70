import type { Kysely } from 'kysely'
import type { Answers, FormTemplate } from '../../core/forms/types.js'
import { summariseInspection } from '../../core/inspectionSummary.js'
import type { InspectionRecord, SubmissionEnvelope } from '../../core/protocol.js'
import type { ReadScope } from '../auth/scope.js'
import type { Database } from '../db/schema.js'

export type InspectionFilter = { readonly scope: ReadScope; readonly limit: number }

function text(answers: Answers, id: string): string | null {
  const value = answers[id]
  return typeof value === 'string' ? value : null
}

/** A school's past inspections, newest first, each with its result counts and the hazards it found. */
export async function listInspections(db: Kysely<Database>, filter: InspectionFilter): Promise<InspectionRecord[]> {
  const { scope } = filter
  if (scope.kind === 'none') return []
  let query = db
    .selectFrom('submissions')
    .innerJoin('forms', (join) => join.onRef('forms.id', '=', 'submissions.form_id').onRef('forms.version', '=', 'submissions.form_version'))
    .select(['submissions.id', 'submissions.body', 'submissions.received_at', 'forms.template'])
    .where('forms.kind', '=', 'inspection')
    .orderBy('submissions.received_at', 'desc')
    .orderBy('submissions.id', 'desc')
    .limit(filter.limit)
  // By the district column: its (district_id, received_at, id) index is already in this order.
  if (scope.kind === 'school') query = query.where('submissions.school_id', '=', scope.schoolId)
  if (scope.kind === 'district') query = query.where('submissions.district_id', '=', scope.districtId)
  const rows = await query.execute()
  if (rows.length === 0) return []
  const hazards = await db.selectFrom('hazards').select(['id', 'submission_id']).where('submission_id', 'in', rows.map((row) => row.id)).execute()
  const templates = new Map<string, FormTemplate>()
  return rows.map((row) => {
    const envelope = JSON.parse(row.body) as SubmissionEnvelope
    const key = `${envelope.formId}@${envelope.formVersion}`
    const template = templates.get(key) ?? (JSON.parse(row.template) as FormTemplate)
    templates.set(key, template)
    const { pass, fail, na } = summariseInspection(template, envelope.answers)
    return {
      id: envelope.id,
      schoolId: envelope.schoolId,
      formId: envelope.formId,
      formVersion: envelope.formVersion,
      checkType: text(envelope.answers, 'checkType'),
      checkDate: text(envelope.answers, 'checkDate'),
      inspector: text(envelope.answers, 'inspector'),
      receivedAt: row.received_at,
      pass,
      fail,
      na,
      hazardIds: hazards.filter((hazard) => hazard.submission_id === row.id).map((hazard) => hazard.id),
    }
  })
}
