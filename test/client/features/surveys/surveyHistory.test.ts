import { describe, expect, it } from 'vitest'
import type { LatestReport } from '../../../../src/core/protocol.js'
import { formatPeriod } from '../../../../src/client/ui/formatPeriod.js'
import { surveyHistoryFrom } from '../../../../src/client/features/surveys/surveyHistory.js'

function report(schoolId: string, formId: string, period: string, myopic: number): LatestReport {
  return { submissionId: `${schoolId}-${period}`, schoolId, formId, formVersion: 1, period, answers: { myopic }, receivedAt: '2026-03-01T00:00:00.000Z', supersedes: 0 }
}

const reports = [
  report('school-1', 'myopia-screening', '2026-T1', 120),
  report('school-1', 'myopia-screening', '2025-T2', 100),
  report('school-1', 'home-visits', '2025-T2', 1),
  report('school-2', 'myopia-screening', '2025-T2', 50),
]

describe('a survey’s history on the phone', () => {
  it('finds this period’s report to correct and the latest earlier one to compare with', () => {
    const history = surveyHistoryFrom(reports, 'school-1', 'myopia-screening', '2026-T1')
    expect(history.current?.submissionId).toBe('school-1-2026-T1')
    expect(history.previous?.submissionId).toBe('school-1-2025-T2')
  })

  it('has only a previous report for a period not yet reported, and nothing from another school or form', () => {
    expect(surveyHistoryFrom(reports, 'school-1', 'myopia-screening', '2026-T2')).toEqual({ previous: reports[0] })
    expect(surveyHistoryFrom(reports, 'school-3', 'myopia-screening', '2026-T1')).toEqual({})
    expect(surveyHistoryFrom(reports, 'school-1', 'home-visits', '2025-T2')).toEqual({ current: reports[2] })
  })

  it('names periods the way schools say them', () => {
    const t = (key: string, params: Record<string, string | number>): string => `${key}:${Object.values(params).join('/')}`
    expect(formatPeriod('2026-T1', t)).toBe('survey.term1:2026')
    expect(formatPeriod('2026-T2', t)).toBe('survey.term2:2026')
    expect(formatPeriod('2026-03', t)).toBe('survey.month:2026/3')
    expect(formatPeriod('2026', t)).toBe('survey.year:2026')
  })
})
