import { todayIso } from '../../../core/dates.js'
import type { Answers, FormTemplate } from '../../../core/forms/types.js'
import { periodOf } from '../../../core/periods.js'
import type { User } from '../../../core/protocol.js'
import { stores } from '../../appServices.js'
import { createDraft } from '../../offline/createDraft.js'
import { getDeviceId } from '../../offline/deviceId.js'
import { loadSurveyHistory } from '../surveys/surveyHistory.js'

/** Answers a person would otherwise type every time: how, who and when. */
export function prefillAnswers(form: FormTemplate, user: User, now: Date): Answers {
  const ids = new Set(form.sections.flatMap((section) => section.fields.map((field) => field.id)))
  const answers: Record<string, string> = {}
  if (ids.has('checkType')) answers.checkType = user.schoolId === null ? 'bureau' : 'self'
  if (ids.has('inspector')) answers.inspector = user.displayName
  if (ids.has('checkDate')) answers.checkDate = todayIso(now)
  return answers
}

/**
 * Creates the draft record on the phone first: from this moment nothing typed is lost. `forPeriod`
 * is the period a 待办 item names (an overdue month, not this one); otherwise a periodic form
 * starts in the current period. `subjectId` is what the report is filed for (a campaign).
 */
export async function startDraft(form: FormTemplate, user: User, schoolId: string, forPeriod?: string, subjectId?: string): Promise<string> {
  const now = new Date()
  // If the school already reported the period, a survey's draft starts from that report, so
  // sending it corrects (and replaces) the report.
  const period = forPeriod ?? (form.period ? periodOf(now, form.period) : undefined)
  const current = period ? (await loadSurveyHistory(schoolId, form.id, period)).current : undefined
  const record = await createDraft(stores, {
    formId: form.id,
    formVersion: form.version,
    schoolId,
    userId: user.id,
    deviceId: await getDeviceId(stores),
    answers: { ...prefillAnswers(form, user, now), ...(current?.formVersion === form.version ? current.answers : {}) },
    ...(period === undefined ? {} : { period }),
    ...(subjectId === undefined ? {} : { subjectId }),
    now,
  })
  return record.id
}
