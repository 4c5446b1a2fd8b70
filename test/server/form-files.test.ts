import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultTemplates, fireSafety, enrolment } from '../../src/core/forms/index.js'
import type { FormTemplate } from '../../src/core/forms/types.js'
import type { AuditPage, FormImportResponse, FormsResponse } from '../../src/core/protocol.js'
import { describeProblem, type SheetProblem } from '../../src/core/xlsform/index.js'
import { templateToWorkbook } from '../../src/core/xlsform/export-template.js'
import { writeWorkbook } from '../../src/server/services/form-xlsx/write-workbook.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { zipOf } from './zipFixtures.js'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Changes one cell of a real .xlsx (sheet by name, 1-based row and column) the way a person does in Excel. */
async function editXlsx(bytes: Buffer, sheet: string, row: number, column: number, value: string | number | null): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  book.getWorksheet(sheet)!.getRow(row).getCell(column).value = value
  return Buffer.from(await book.xlsx.writeBuffer())
}

describe.each(dialects)('forms as .xlsx files (%s)', (dialect) => {
  let server: TestServer
  const tokens: Record<string, string> = {}
  const download = (who: string, id: string, version: number) => server.app.inject({ method: 'GET', url: `/api/v1/admin/forms/${id}/versions/${version}/xlsx`, headers: bearer(tokens[who]!) })
  const upload = (who: string, bytes: Buffer, publish = false, type = XLSX) =>
    server.app.inject({ method: 'POST', url: `/api/v1/admin/forms/import${publish ? '?publish=true' : ''}`, headers: { ...bearer(tokens[who]!), 'content-type': type }, payload: bytes })

  beforeAll(async () => {
    server = await startServer(dialect)
    for (const [user, password] of [['bureau', 'bureau123'], ['bureau2', 'bureau123'], ['admin', 'admin123'], ['school1', 'school123']] as const) tokens[user] = await server.login(user, password)
  })
  afterAll(() => server.close())

  it('every default template goes out as .xlsx and comes back as the same template, with no change to publish', async () => {
    for (const template of defaultTemplates) {
      const file = await download('bureau', template.id, template.version)
      expect(file.statusCode, template.id).toBe(200)
      expect(file.headers['content-type']).toBe(XLSX)
      const preview = await upload('admin', file.rawPayload)
      expect(preview.statusCode, `${template.id}: ${preview.body.slice(0, 300)}`).toBe(200)
      const body = preview.json() as FormImportResponse
      expect(body.template, template.id).toEqual({ ...template, version: template.version + 1 })
      expect(body.changes, template.id).toEqual([])
      expect(body.previousVersion).toBe(template.version)
      expect(body.published).toBeNull()
    }
  })

  it('an item changed in the spreadsheet is shown as a difference, then published as version 2 that phones pull', async () => {
    const file = (await download('bureau', 'enrolment', 1)).rawPayload
    const sheet = templateToWorkbook(enrolment)[0]!
    const row = sheet.rows.findIndex((cells) => cells[0] === '整数') + 1
    const edited = await editXlsx(file, '题目', row, 3, '在校生总人数（含休学）')
    const preview = (await upload('admin', edited)).json() as FormImportResponse
    expect(preview.changes.map((change) => change.text.zh)).toEqual([`题目 ${sheet.rows[row - 1]![1]}（在校生总人数（含休学））改了：题目`])
    const published = await upload('admin', edited, true)
    expect(published.statusCode).toBe(201)
    expect((published.json() as FormImportResponse).published).toMatchObject({ id: 'enrolment', version: 2, active: true })
    const forms = (await server.app.inject({ method: 'GET', url: '/api/v1/forms', headers: bearer(tokens.school1!) })).json() as FormsResponse
    expect(forms.forms.filter((form) => form.id === 'enrolment').map((form) => form.version)).toEqual([2])
    expect((await upload('admin', edited, true)).statusCode).toBe(400)
    const audit = (await server.app.inject({ method: 'GET', url: '/api/v1/audit?limit=200', headers: bearer(tokens.admin!) })).json() as AuditPage
    expect(audit.entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['form_imported', 'form_published', 'form_downloaded']))
  })

  it('a spreadsheet with mistakes is refused with 422 and each mistake by sheet, row and column; nothing is published', async () => {
    const file = (await download('bureau', 'fire-safety', 1)).rawPayload
    const rows = templateToWorkbook(fireSafety)[0]!.rows
    const exits = rows.findIndex((cells) => cells[1] === 'exits') + 1
    const drill = rows.findIndex((cells) => cells[1] === 'drill') + 1
    const broken = await editXlsx(await editXlsx(file, '题目', exits, 1, 'selectone'), '题目', drill, 10, '十分')
    const refused = await upload('admin', broken, true)
    expect(refused.statusCode).toBe(422)
    const error = refused.json().error as { code: string; message: string; details: { problems: SheetProblem[] } }
    expect(error.code).toBe('import_failed')
    expect(error.message).toMatch(/2 处问题.*2 problem/)
    expect(error.details.problems.map((problem) => describeProblem(problem).zh)).toEqual([
      `题目 表第 ${exits} 行 类型 列：未知题型 'selectone'`,
      `题目 表第 ${drill} 行 分值 列：'十分' 不是数字`,
    ])
    const versions = await server.db.selectFrom('forms').select('version').where('id', '=', 'fire-safety').execute()
    expect(versions).toEqual([{ version: 1 }])
  })

  it('a new id from a bureau becomes its district\'s form; another district can neither preview nor publish over it', async () => {
    const mine: FormTemplate = { ...fireSafety, id: 'flood-season-check', title: { zh: '汛期前安全检查', en: 'Pre-flood-season check' } }
    const bytes = await writeWorkbook(templateToWorkbook(mine))
    const made = await upload('bureau', bytes, true)
    expect(made.statusCode).toBe(201)
    expect((made.json() as FormImportResponse).published).toMatchObject({ id: 'flood-season-check', version: 1, ownerDistrictId: 'district-1' })
    const theirs = await upload('bureau2', bytes)
    expect(theirs.statusCode).toBe(409)
    expect(theirs.json().error.message).toMatch(/另一个区.*another district/)
    expect((await download('bureau2', 'flood-season-check', 1)).statusCode).toBe(404)
    expect((await upload('bureau', bytes, false)).json().changes).toEqual([])
  })

  it('keeps kind and period as published: a changed 周期 is refused at its cell', async () => {
    const file = (await download('admin', 'home-visits', 1)).rawPayload
    const refused = await upload('admin', await editXlsx(file, '设置', 2, 6, '每月'))
    expect(refused.statusCode).toBe(422)
    expect(describeProblem((refused.json().error.details.problems as SheetProblem[])[0]!).zh).toMatch(/^设置 表第 2 行 周期 列：周期须与已发布的版本一致/)
  })

  it('refuses what is not an .xlsx, a zip bomb, a file over the size limit and a foreign content type, each with a clear 4xx', async () => {
    const notZip = await upload('bureau', Buffer.from('类型,编号\n文本,a\n'))
    expect(notZip.statusCode).toBe(400)
    expect(notZip.json().error.message).toMatch(/不是 \.xlsx 文件.*not an \.xlsx/)
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1024 * 1024), declaredSize: 1000 }])
    expect(bomb.length).toBeLessThan(200 * 1024)
    const refused = await upload('bureau', bomb)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.message).toMatch(/解压后过大.*unpacks to more than/)
    const many = zipOf(Array.from({ length: 201 }, (_, index) => ({ name: `f${index}`, data: Buffer.from('x'), method: 0 as const })))
    expect((await upload('bureau', many)).json().error.message).toMatch(/more than 200 entries/)
    expect((await upload('bureau', Buffer.alloc(3 * 1024 * 1024))).statusCode).toBe(413)
    expect((await upload('bureau', Buffer.from('x'), false, 'text/csv')).statusCode).toBe(415)
    const junk = zipOf([{ name: 'hello.txt', data: Buffer.from('hi') }])
    const notAForm = await upload('bureau', junk)
    expect(notAForm.statusCode).toBe(422)
    expect(describeProblem((notAForm.json().error.details.problems as SheetProblem[])[0]!).zh).toMatch(/找不到 题目 表或 survey 表/)
  })

  it('reads standard XLSForm written by another tool', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('survey').addRows([
      ['type', 'name', 'label::Chinese (zh)', 'label::English (en)', 'relevant', 'constraint'],
      ['select_one yn', 'boarders', '有寄宿生吗', 'Boarders?'],
      ['begin_group', 'dorm', '宿舍', 'Dormitory', "${boarders} = 'yes'"],
      ['integer', 'beds', '床位数', 'Beds', '', '. >= 0 and . <= 3000'],
      ['end_group'],
      ['begin_repeat', 'buses', '校车', 'Buses'],
      ['text', 'plate', '车牌', 'Plate'],
      ['end_repeat'],
    ])
    book.addWorksheet('choices').addRows([['list_name', 'name', 'label::Chinese (zh)', 'label::English (en)'], ['yn', 'yes', '是', 'Yes'], ['yn', 'no', '否', 'No']])
    book.addWorksheet('settings').addRows([['form_id', 'form_title', 'version'], ['kobo-boarding', '寄宿制学校情况', '2025010101']])
    const response = await upload('bureau', Buffer.from(await book.xlsx.writeBuffer()), true)
    expect(response.statusCode, response.body).toBe(201)
    const body = response.json() as FormImportResponse
    expect(body.template.sections.map((section) => section.id)).toEqual(['main', 'dorm', 'buses'])
    expect(body.template.sections[1]).toMatchObject({ relevant: { op: 'eq', field: 'boarders', value: 'yes' }, fields: [{ id: 'beds', min: 0, max: 3000 }] })
    expect(body.template.sections[2]).toMatchObject({ repeat: {} })
    expect(body.warnings.map((warning) => describeProblem(warning).en)).toEqual(["Sheet settings, row 2, column version: version '2025010101' is not a small whole number: read as 1 (the server numbers versions on publish)"])
  })

  it('retires a version: phones no longer pull it; a global form is retired by an admin only', async () => {
    expect((await server.app.inject({ method: 'POST', url: '/api/v1/admin/forms/fire-safety/versions/1/retire', headers: bearer(tokens.bureau!), payload: {} })).statusCode).toBe(403)
    const retired = await server.app.inject({ method: 'POST', url: '/api/v1/admin/forms/flood-season-check/versions/1/retire', headers: bearer(tokens.bureau!), payload: {} })
    expect(retired.statusCode).toBe(200)
    expect(retired.json().form).toMatchObject({ id: 'flood-season-check', version: 1, active: false })
    const forms = (await server.app.inject({ method: 'GET', url: '/api/v1/forms', headers: bearer(tokens.school1!) })).json() as FormsResponse
    expect(forms.forms.some((form) => form.id === 'flood-season-check')).toBe(false)
    expect((await server.app.inject({ method: 'POST', url: '/api/v1/admin/forms/flood-season-check/versions/1/retire', headers: bearer(tokens.bureau2!), payload: {} })).statusCode).toBe(404)
  })

  it('previews and publishes the builder\'s template the same way, and names its problems by path', async () => {
    const preview = (path: string, template: unknown) => server.app.inject({ method: 'POST', url: `/api/v1/admin/forms/preview${path}`, headers: bearer(tokens.bureau!), payload: { template } })
    const draft = { ...fireSafety, id: 'builder-check', title: { zh: '自建检查', en: 'Built check' } }
    expect((await preview('', draft)).json()).toMatchObject({ previousVersion: null, published: null, changes: [{ kind: 'added' }] })
    expect((await preview('?publish=true', draft)).statusCode).toBe(201)
    const bad = await preview('', { ...draft, sections: [{ ...draft.sections[0], fields: [] }] })
    expect(bad.statusCode).toBe(422)
    expect((bad.json().error.details.problems as SheetProblem[]).map((problem) => describeProblem(problem).zh)).toContain('模板 表 sections[0].fields 列：分组里至少需要一道题')
  })

  it('carries a preset hazard level set in the 隐患等级 column to the phones, and names a word it does not know', async () => {
    const template = defaultTemplates.find((form) => form.id === 'traffic-safety')!
    const rows = templateToWorkbook(template)[0]!.rows
    const column = rows[0]!.indexOf('隐患等级') + 1
    const row = rows.findIndex((cells) => cells[0] === '检查项') + 1
    const id = rows[row - 1]![1] as string
    const file = (await download('bureau', template.id, template.version)).rawPayload

    const refused = await upload('admin', await editXlsx(file, '题目', row, column, '严重'), true)
    expect(refused.statusCode).toBe(422)
    expect((refused.json().error.details.problems as SheetProblem[]).map((problem) => describeProblem(problem).zh)).toEqual([`题目 表第 ${row} 行 隐患等级 列：'严重' 须为 低、中 或 高`])

    const published = await upload('admin', await editXlsx(file, '题目', row, column, '高'), true)
    expect(published.statusCode).toBe(201)
    expect((published.json() as FormImportResponse).changes.map((change) => change.text.en)).toEqual([expect.stringMatching(new RegExp(`^question ${id} .*changed: hazard level$`))])
    const forms = (await server.app.inject({ method: 'GET', url: '/api/v1/forms', headers: bearer(tokens.school1!) })).json() as FormsResponse
    const pulled = forms.forms.find((form) => form.id === template.id)!
    expect(pulled.version).toBe(template.version + 1)
    expect(pulled.sections.flatMap((section) => section.fields).find((field) => field.id === id)).toMatchObject({ type: 'check', hazardLevel: 'high' })

    const again = new ExcelJS.Workbook()
    await again.xlsx.load((await download('bureau', template.id, template.version + 1)).rawPayload as unknown as ArrayBuffer)
    expect(again.getWorksheet('题目')!.getRow(row).getCell(column).value).toBe('高')
  })
})
