import type { LatestReport } from '../../../core/protocol.js'
import { stores } from '../../appServices.js'

/** What the phone knows of a school's reports for one survey, around the period being filled. */
export type SurveyHistory = {
  /** This period's current report: a new submission corrects and replaces it. */
  readonly current?: LatestReport
  /** The latest report of an earlier period: prefill source and the base of rate-change warnings. */
  readonly previous?: LatestReport
}

/** Picks from the pulled reports; periods of one kind sort as text (2025-T2 < 2026-T1). */
export function surveyHistoryFrom(reports: readonly LatestReport[], schoolId: string, formId: string, period: string): SurveyHistory {
  const mine = reports.filter((report) => report.schoolId === schoolId && report.formId === formId)
  const current = mine.find((report) => report.period === period)
  const previous = mine.filter((report) => report.period < period).sort((a, b) => (a.period < b.period ? 1 : -1))[0]
  return { ...(current ? { current } : {}), ...(previous ? { previous } : {}) }
}

/** The same, from the copy the last sync pulled into IndexedDB (works offline). */
export async function loadSurveyHistory(schoolId: string, formId: string, period: string): Promise<SurveyHistory> {
  const reports = (await stores.meta.getItem<LatestReport[]>('reports')) ?? []
  return surveyHistoryFrom(reports, schoolId, formId, period)
}
