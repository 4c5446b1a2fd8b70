const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * One formatter per locale and options, kept: toLocaleString builds a new one per call, which long
 * lists pay per row. Shared by the phone's and the bureau's date texts.
 */
export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let formatter = formatters.get(key)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, options)
    formatters.set(key, formatter)
  }
  return formatter
}

/** Local date and time for people: "12月2日 10:07" in Chinese, "Dec 2, 10:07" in English (the year is implied on a phone screen). */
export function formatTime(iso: string | number | undefined, locale: string): string {
  if (iso === undefined) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  // Month by name, not "12/02": Chinese readers write 12月2日, and 12/02 reads as a fraction or as 2 December.
  return dateFormatter(locale, { month: locale.startsWith('zh') ? 'long' : 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(date)
}

/** A calendar day (YYYY-MM-DD) for people: "2026年3月31日" / "Mar 31, 2026"; the text itself if it is not such a day. */
export function formatDate(day: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return day
  // The day as written, whatever the phone's time zone: format it as a UTC midnight in UTC.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return dateFormatter(locale, { year: 'numeric', month: locale.startsWith('zh') ? 'long' : 'short', day: 'numeric', timeZone: 'UTC' }).format(date)
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`
}
