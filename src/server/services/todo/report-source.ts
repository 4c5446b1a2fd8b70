import { PLEDGE_SIGNING_FORM_ID } from '../../../core/pledges.js'
import { shanghaiIso } from '../../../core/shanghaiCalendar.js'
import type { ReportTodo } from '../../../core/todo.js'
import { obligationsOfSchool, type ObligationStatus } from '../obligations.js'
import type { TodoSource } from './source.js'

/** Still owed: nothing filed yet, whether due later (this period, due soon) or overdue (missing). */
const OPEN_STATES: ReadonlySet<ObligationStatus['state']> = new Set(['not_due', 'missing'])

export function reportTodo(owed: ObligationStatus): ReportTodo {
  const pledge = owed.pledgeId === undefined ? '' : `:${owed.pledgeId}`
  return {
    key: `report:${owed.formId}:${owed.period}${pledge}`,
    kind: 'report',
    title: owed.title,
    dueAt: shanghaiIso(new Date(owed.dueAt)),
    // The phone's /new route starts a draft for the form and period, as the form list does.
    link: `/new/${encodeURIComponent(owed.formId)}?period=${encodeURIComponent(owed.period)}`,
    formId: owed.formId,
    period: owed.period,
    ...(owed.campaignId === undefined ? {} : { campaignId: owed.campaignId }),
  }
}

/**
 * The reports the school's schedules expect and it has not filed: the to-do orders them by due
 * date, so overdue ones (dueAt past) come first in red. Pledges are left to the pledge source,
 * which links to the letter itself rather than to a form.
 */
export const reportSource: TodoSource = async ({ db, schoolId, now }) => {
  const owed = await obligationsOfSchool(db, schoolId, now)
  return owed.filter((o) => OPEN_STATES.has(o.state) && o.formId !== PLEDGE_SIGNING_FORM_ID).map(reportTodo)
}
