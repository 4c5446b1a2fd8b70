const formatters = new Map<string, Intl.DateTimeFormat>()

/** Local date and time for people, e.g. "11-23 15:40" (the year is implied on a phone screen). */
export function formatTime(iso: string | number | undefined, locale: string): string {
  if (iso === undefined) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  // One formatter per locale: toLocaleString builds a new one per call, which long lists pay per row.
  let formatter = formatters.get(locale)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
    formatters.set(locale, formatter)
  }
  return formatter.format(date)
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`
}
