import ExcelJS from 'exceljs'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { digestOf } from '../../src/core/digest.js'
import { finaliseAnswers } from '../../src/core/forms/walkForm.js'
import { schoolBus } from '../../src/core/forms/index.js'
import type { Answers, RepeatInstance } from '../../src/core/forms/types.js'
import type { SubmissionEnvelope } from '../../src/core/protocol.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

const pass = { result: 'pass' as const }
const hazard = { description: '安全带卡扣损坏', severity: 'high' as const, deadline: '2026-04-01' }

function busAnswers(plate: string, seats: number, riders: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { plate, seats, riders, busPermit: pass, annualCheck: pass, driverLicence: pass, safetyKit: pass, seatbelts: pass, ...extra }
}

/** What the phone fills in: the draft, then finaliseAnswers as it does on submit. */
function draft(overrides: Record<string, unknown> = {}): Answers {
  return {
    checkType: 'self', inspector: '王老师', checkDate: '2026-03-02', boarders: 'no', ridersTotal: 70,
    buses: [busAnswers('浙A10001', 40, 35), busAnswers('浙A10002', 30, 20), busAnswers('浙A10003', 19, 15, { seatbelts: { result: 'fail', hazard } })],
    escort: pass, preTripCheck: pass, busDrill: pass,
    ...overrides,
  } as Answers
}

function envelope(answers: Answers): SubmissionEnvelope {
  return {
    id: uuidv7(), formId: schoolBus.id, formVersion: schoolBus.version, schoolId: 'school-1', answers, attachments: [],
    startedAt: '2026-03-02T08:00:00.000Z', completedAt: '2026-03-02T08:20:00.000Z', deviceId: 'device-engine',
  }
}

describe.each(dialects)('the form engine at the server (%s)', (dialect) => {
  let server: TestServer
  let school1: string
  let bureau: string

  beforeAll(async () => {
    server = await startServer(dialect)
    school1 = await server.login('school1', 'school123')
    bureau = await server.login('bureau', 'bureau123')
  })
  afterAll(() => server.close())

  async function send(item: SubmissionEnvelope) {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(school1), payload: { submissions: [item] } })
    expect(response.statusCode).toBe(200)
    return response.json().results[0] as { status: string; digest?: string; error?: { code: string; details?: { issues?: { fieldId: string; code: string; message: { zh: string; en: string } }[] } } }
  }

  const issuesOf = (result: Awaited<ReturnType<typeof send>>) => (result.error?.details?.issues ?? []).map((issue) => `${issue.fieldId}:${issue.code}`)

  it('accepts what the phone sends, with the digest the phone computes, and one hazard per failing bus', async () => {
    const item = envelope(finaliseAnswers(schoolBus, draft()))
    expect(item.answers.busCount).toBe(3)
    expect(item.answers.seatTotal).toBe(89)
    const result = await send(item)
    expect(result.status).toBe('accepted')
    expect(result.digest).toBe(await digestOf(item))
    const hazards = await server.db.selectFrom('hazards').select(['id', 'field_id']).where('submission_id', '=', item.id).execute()
    expect(hazards.map((row) => row.id)).toEqual([`${item.id}:buses[2].seatbelts`])
    const list = await server.app.inject({ method: 'GET', url: '/api/v1/reports/hazard-board/rows', headers: bearer(bureau) })
    expect(list.body).toContain('校车 3 · 座位与安全带完好')
    // The instance path travels in URLs as the client writes it (encodeURIComponent).
    const one = await server.app.inject({ method: 'GET', url: `/api/v1/hazards/${encodeURIComponent(`${item.id}:buses[2].seatbelts`)}`, headers: bearer(school1) })
    expect(one.statusCode).toBe(200)
    expect(one.json().hazard.fieldId).toBe('buses[2].seatbelts')
  })

  it('refuses an answer to a hidden item (a non-boarding school answering the boarders section), naming it', async () => {
    const answers = { ...finaliseAnswers(schoolBus, draft()), boarderHandover: pass }
    const result = await send(envelope(answers))
    expect(result.status).toBe('rejected')
    expect(result.error?.code).toBe('validation_failed')
    expect(issuesOf(result)).toEqual(['boarderHandover:hidden'])
  })

  it('requires the boarders section of a boarding school, and accepts it answered', async () => {
    const missing = await send(envelope(finaliseAnswers(schoolBus, draft({ boarders: 'yes' }))))
    expect(issuesOf(missing)).toEqual(['boarderHandover:required', 'boarderRoster:required'])
    const answered = await send(envelope(finaliseAnswers(schoolBus, draft({ boarders: 'yes', boarderHandover: pass, boarderRoster: pass }))))
    expect(answered.status).toBe('accepted')
  })

  it('refuses a calculation that differs from its own, in Chinese and English', async () => {
    const answers = { ...finaliseAnswers(schoolBus, draft()), seatTotal: 90 }
    const result = await send(envelope(answers))
    expect(issuesOf(result)).toEqual(['seatTotal:calculation'])
    const issue = result.error?.details?.issues?.[0]
    expect(issue?.message).toEqual({ zh: '计算结果应为 89', en: 'The calculated value should be 89' })
    const buses = (finaliseAnswers(schoolBus, draft()).buses as RepeatInstance[]).map((bus, index) => (index === 1 ? { ...bus, loadRate: 70 } : bus))
    expect(issuesOf(await send(envelope({ ...finaliseAnswers(schoolBus, draft()), buses })))).toEqual(['buses[1].loadRate:calculation'])
  })

  it('holds repeats to their count and validates each instance by its path', async () => {
    expect(issuesOf(await send(envelope(finaliseAnswers(schoolBus, draft({ buses: [] })))))).toContain('buses:required')
    const buses = [busAnswers('浙A1', 40, 35), { ...busAnswers('', 0, 1), plate: undefined }]
    expect(issuesOf(await send(envelope(finaliseAnswers(schoolBus, draft({ buses })))))).toEqual(['buses[1].plate:required', 'buses[1].seats:min'])
    const notAList = { ...finaliseAnswers(schoolBus, draft()), buses: { plate: 'x' } }
    expect(issuesOf(await send(envelope(notAList as unknown as Answers)))).toContain('buses:type')
  })

  it('exports the buses on their own sheet, one row per bus linked by report id, and the hidden section empty', async () => {
    const item = envelope(finaliseAnswers(schoolBus, draft()))
    expect((await send(item)).status).toBe('accepted')
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/exports/school-bus.xlsx', headers: bearer(bureau) })
    expect(response.statusCode).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['校车安全检查', '逐车检查'])
    const rows = (sheet: ExcelJS.Worksheet) => {
      const out: unknown[][] = []
      sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)))
      return out
    }
    const [main, buses] = workbook.worksheets.map(rows) as [unknown[][], unknown[][]]
    expect(buses[0]?.slice(0, 6)).toEqual(['报告编号', '学校', '序号', '车牌号', '核定座位数', '本车乘车学生数'])
    const mine = buses.filter((row) => row[0] === item.id)
    expect(mine.map((row) => row.slice(2, 5))).toEqual([[1, '浙A10001', 40], [2, '浙A10002', 30], [3, '浙A10003', 19]])
    const header = main[0] ?? []
    expect(header).not.toContain('车牌号')
    const mainRow = main.find((row) => row[0] === item.id) ?? []
    const handover = header.indexOf('寄宿生周末返家、返校接送有专人照管，与家长交接有记录')
    expect(handover).toBeGreaterThan(0)
    expect(mainRow[handover] ?? null).toBeNull()
    expect(mainRow[header.indexOf('校车数量')]).toBe(3)
  })
})
