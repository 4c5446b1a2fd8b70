/** A deadline or arrival for people: date and time in the browser's zone, e.g. "2026/03/15 23:59". */
export function formatDue(iso: string, locale: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
}
