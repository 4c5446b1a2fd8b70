type Translate = (key: string, params: Record<string, string | number>) => string

/** 2026-T1 → 2026年春季学期, 2026-03 → 2026年3月, 2026-W19 → 2026年第19周, 2026 → 2026年 (in the UI language). */
export function formatPeriod(period: string, t: Translate): string {
  const year = period.slice(0, 4)
  if (period.endsWith('-T1')) return t('survey.term1', { year })
  if (period.endsWith('-T2')) return t('survey.term2', { year })
  if (period.slice(4, 6) === '-W') return t('survey.week', { year, week: Number(period.slice(6)) })
  if (period.length === 7) return t('survey.month', { year, month: Number(period.slice(5, 7)) })
  return t('survey.year', { year })
}
