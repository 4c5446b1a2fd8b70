import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iterateReports } from '../../src/server/services/iterate-reports.js'
import { startBureauFixture, type BureauFixture } from './bureauFixture.js'
import { bearer, dialects } from './harness.js'

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += char
  }
  return rows
}

async function sheetRows(body: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(body as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new Error('no worksheet')
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

describe.each(dialects)('exports (%s)', (dialect) => {
  let fixture: BureauFixture
  let bureau: string
  let bureau2: string
  let school1: string

  beforeAll(async () => {
    fixture = await startBureauFixture(dialect)
    bureau = await fixture.server.login('bureau', 'bureau123')
    bureau2 = await fixture.server.login('bureau2', 'bureau123')
    school1 = await fixture.server.login('school1', 'school123')
  })
  afterAll(() => fixture.server.close())

  const get = (token: string, url: string) => fixture.server.app.inject({ method: 'GET', url, headers: bearer(token) })

  it('a form export is an XLSX with Chinese headers, one row per report and check items spread over result, note, hazard and photo columns', async () => {
    const response = await get(bureau, '/api/v1/exports/fire-safety.xlsx')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('spreadsheetml')
    expect(response.headers['x-export-rows']).toBe('2')
    expect(String(response.headers['content-disposition'])).toContain(encodeURIComponent('消防安全'))
    const [header, first, second] = await sheetRows(response.rawPayload)
    const column = (name: string) => (header ?? []).indexOf(name)
    const label = '灭火器配置齐全，压力正常，在有效期内'
    expect(header).toEqual(expect.arrayContaining(['报告编号', '学校', '接收时间（北京时间）', label, `${label}（备注）`, `${label}（隐患）`, `${label}（照片）`, '其他情况说明']))
    expect(first?.[column('报告编号')]).toBe(fixture.ids.fireSchool1)
    expect(first?.[column('学校')]).toBe('示范区第一小学')
    expect(first?.[column('接收时间（北京时间）')]).toBe('2026-03-02 09:00:00')
    expect(first?.[column(label)]).toBe('不合格')
    expect(first?.[column(`${label}（备注）`)]).toBe('二楼走廊灭火器过期')
    expect(first?.[column(`${label}（隐患）`)]).toBe('二楼灭火器压力不足且已过期（重大，整改期限 2026-03-12，责任人 李主任）')
    expect(first?.[column(`${label}（照片）`)]).toEqual({ text: `https://report.example.cn/api/v1/attachments/${fixture.photo}`, hyperlink: `https://report.example.cn/api/v1/attachments/${fixture.photo}` })
    expect(first?.[column('检查方式')]).toBe('学校自查')
    expect(second?.[column('学校')]).toBe('示范区实验初级中学')
    expect(second?.[column(label)]).toBe('合格')
    // Defused in XLSX too: a copy into another sheet or a save as CSV would run it.
    expect(second?.[column('其他情况说明')]).toBe("'=1+1")
  })

  it('a CSV export starts with a UTF-8 BOM, quotes what needs it and defuses formulas', async () => {
    const response = await get(bureau, '/api/v1/exports/fire-safety.csv')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(response.rawPayload.subarray(3).toString('utf8'))
    expect(rows).toHaveLength(3)
    const header = rows[0] ?? []
    expect(rows[1]?.[header.indexOf('灭火器配置齐全，压力正常，在有效期内（隐患）')]).toBe('二楼灭火器压力不足且已过期（重大，整改期限 2026-03-12，责任人 李主任）')
    expect(rows[2]?.[header.indexOf('其他情况说明')]).toBe("'=1+1")
  })

  it('a survey export for a period lists corrections with the superseded flag, and current=true leaves them out', async () => {
    const all = await sheetRows((await get(bureau, '/api/v1/exports/myopia-screening.xlsx?period=2026-T1')).rawPayload)
    const header = all[0] ?? []
    const pick = (row: unknown[] | undefined) => [row?.[header.indexOf('学校')], row?.[header.indexOf('筛查出近视人数')], row?.[header.indexOf('已被更正')]]
    expect(all.slice(1).map(pick)).toEqual([
      ['示范区第一小学', 120, '是'],
      ['示范区实验初级中学', 200, '否'],
      ['示范区第一小学', 96, '否'],
    ])
    const current = await sheetRows((await get(bureau, '/api/v1/exports/myopia-screening.xlsx?period=2026-T1&current=true')).rawPayload)
    expect(current.slice(1).map(pick)).toEqual([
      ['示范区实验初级中学', 200, '否'],
      ['示范区第一小学', 96, '否'],
    ])
  })

  it('a non-periodic form exported for a period holds the reports received in it (北京时间)', async () => {
    const march = await get(bureau, '/api/v1/exports/fire-safety.csv?period=2026-03')
    expect(parseCsv(march.rawPayload.subarray(3).toString('utf8'))).toHaveLength(3)
    const april = await get(bureau, '/api/v1/exports/fire-safety.csv?period=2026-04')
    expect(parseCsv(april.rawPayload.subarray(3).toString('utf8'))).toHaveLength(1)
  })

  it('a bureau exports only its own district', async () => {
    const response = await get(bureau2, '/api/v1/exports/myopia-screening.csv?period=2026-T1')
    const rows = parseCsv(response.rawPayload.subarray(3).toString('utf8'))
    expect(rows.slice(1).map((row) => row[1])).toEqual(['临江县第二小学'])
  })

  it('the completeness table exports one row per school with its state', async () => {
    const response = await get(bureau, '/api/v1/exports/completeness.xlsx?formId=myopia-screening&period=2026-T1')
    expect(response.statusCode).toBe(200)
    const rows = await sheetRows(response.rawPayload)
    expect(rows[0]?.slice(0, 4)).toEqual(['学校', '类型', '乡镇', '状态'])
    expect(rows.slice(1).map((row) => [row[0], row[3], row[6]])).toEqual([
      ['示范区第一小学', '按时', '是'],
      ['示范区实验初级中学', '逾期上报', '否'],
      ['河口镇中心幼儿园', '未报', '否'],
      ['青山九年一贯制学校', '未报', '否'],
      ['示范区第一高级中学', '未报', '否'],
    ])
    expect(rows[1]?.[1]).toBe('小学')
  })

  it('the hazards table exports each hazard with its warning level and days overdue', async () => {
    const response = await get(bureau, '/api/v1/exports/hazards.csv')
    const rows = parseCsv(response.rawPayload.subarray(3).toString('utf8'))
    // The fire check's hazard and the three failed canteen items of school-1 (each a hazard too).
    expect(rows).toHaveLength(5)
    const header = rows[0] ?? []
    const row = rows.find((candidate) => candidate[header.indexOf('检查类别')] === '消防安全自查') ?? []
    expect(row[header.indexOf('学校')]).toBe('示范区第一小学')
    expect(row[header.indexOf('预警等级')]).toBe('红色')
    expect(row[header.indexOf('逾期天数')]).toBe('8')
    expect(row[header.indexOf('状态')]).toBe('待整改')
    expect((await get(bureau2, '/api/v1/exports/hazards.csv')).rawPayload.subarray(3).toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(1)
  })

  it('a school account may export nothing', async () => {
    for (const url of ['/api/v1/exports/fire-safety.xlsx', '/api/v1/exports/completeness.csv?formId=myopia-screening&period=2026-T1', '/api/v1/exports/hazards.xlsx']) {
      expect((await get(school1, url)).statusCode).toBe(403)
    }
  })

  it('an unknown form is a 404 and a wrong period kind a 400', async () => {
    expect((await get(bureau, '/api/v1/exports/no-such-form.xlsx')).statusCode).toBe(404)
    expect((await get(bureau, '/api/v1/exports/myopia-screening.xlsx?period=2026-03')).statusCode).toBe(400)
    expect((await get(bureau, '/api/v1/exports/fire-safety.pdf')).statusCode).toBe(400)
  })

  it('reports are read page by page in arrival order, so an export never holds the whole form', async () => {
    const pages: string[][] = []
    const filter = { formId: 'myopia-screening', periodic: true, scope: { kind: 'all' } } as const
    for await (const page of iterateReports(fixture.server.db, filter, 2)) pages.push(page.map((row) => `${row.schoolId} ${row.period}`))
    expect(pages).toEqual([
      ['school-1 2025-T2', 'school-2 2025-T2'],
      ['school-1 2026-T1', 'school-2 2026-T1'],
      ['school-6 2026-T1', 'school-1 2026-T1'],
    ])
  })

  it('each export is written to the audit log', async () => {
    const rows = await fixture.server.db.selectFrom('audit_log').select(['action', 'district_id', 'details']).where('action', '=', 'export').execute()
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((row) => row.district_id !== null)).toBe(true)
  })
})
