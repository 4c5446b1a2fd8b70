import { ZONE } from '../../../core/shanghaiCalendar.js'
import { dateFormatter } from '../../ui/formatTime.js'

/**
 * A deadline or arrival for people, in Shanghai time whatever the browser's zone: a bureau deadline
 * "by 23:59 on the 5th" is a Shanghai instant and reads the same on a laptop set to another zone.
 * "2026年3月15日 23:59" / "Mar 15, 2026, 23:59". The year stays (a desk looks across terms); the
 * month is a word, since 2026/03/15 is no Chinese date.
 */
export function formatDue(iso: string, locale: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const month = locale.startsWith('zh') ? 'long' : 'short'
  return dateFormatter(locale, { year: 'numeric', month, day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: ZONE }).format(date)
}

/** A day within the year on a chart's axis (YYYY-MM-DD): "9月14日" / "Sep 14", not 09-14. */
export function formatMonthDay(day: string, locale: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return day
  // The day as written, in UTC: the browser's zone must not move it.
  return dateFormatter(locale, { month: locale.startsWith('zh') ? 'long' : 'short', day: 'numeric', timeZone: 'UTC' }).format(date)
}
