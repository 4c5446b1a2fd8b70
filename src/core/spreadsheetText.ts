/**
 * Text a spreadsheet would run as a formula when it starts with one of these: OWASP's CSV
 * injection list (= + - @, tab, carriage return) and the full-width and small forms a Chinese
 * input method types (＝ ＋ － ＠ ﹦ ﹢ ﹣), which Excel in a Chinese locale also reads as formulas.
 */
const formulaStart = /^[=+\-@\t\r＝＋－＠﹦﹢﹣]/u

/**
 * A leading apostrophe makes the spreadsheet show the text as it is. Every text cell of every
 * export goes through this, headers included (a field label is the bureau's text too), in CSV
 * and XLSX alike: an XLSX text cell is not evaluated, but a copy into another sheet or a save as
 * CSV would run it. Numbers stay numbers: they never reach this.
 */
export function defuseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text
}

const SHEET_NAME_MAX = 31
// Excel keeps this name for its change history; a sheet called so makes it repair the file.
const reserved = new Set(['history'])

function cleanSheetName(name: string, index: number): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, '_')
    .replace(/^'+/, '')
    .slice(0, SHEET_NAME_MAX)
    .replace(/'+$/, '')
  return cleaned === '' || reserved.has(cleaned.toLowerCase()) ? `Sheet${index + 1}` : cleaned
}

/**
 * Sheet names Excel opens without "repairing" the file: none of [ ] : * ? / \, at most 31
 * characters, no apostrophe at either end, not empty, not "History", each distinct ignoring
 * case (a later duplicate gets " (2)", " (3)" …).
 */
export function sheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>()
  return names.map((name, index) => {
    const base = cleanSheetName(name, index)
    let candidate = base
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`
      candidate = `${base.slice(0, SHEET_NAME_MAX - suffix.length).replace(/'+$/, '')}${suffix}`
    }
    taken.add(candidate.toLowerCase())
    return candidate
  })
}
