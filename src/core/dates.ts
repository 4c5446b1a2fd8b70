const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = isoDate.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/

/** Date.parse rolls 2026-02-30T… over into March, so the calendar date is checked on its own. */
export function isIsoTimestamp(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    isoTimestamp.test(value) &&
    isIsoDate(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value))
  )
}

export function todayIso(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0')
  const day = String(now.getDate()).padStart(2, '0')
  return `${now.getFullYear()}-${month}-${day}`
}

/** The local calendar date `days` after `from`, as YYYY-MM-DD. */
export function addDays(from: Date, days: number): string {
  const date = new Date(from)
  date.setDate(date.getDate() + days)
  return todayIso(date)
}
