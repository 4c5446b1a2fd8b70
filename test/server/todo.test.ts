import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pledgeVersionId } from '../../src/core/pledges.js'
import type { PledgesResponse, SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import type { TodoItem, TodoResponse } from '../../src/core/todo.js'
import { daysLate, orderTodo } from '../../src/core/todoOrder.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

const year = new Date().getFullYear()
const staffConduct = pledgeVersionId(`staff-conduct-${year}`, 1)

/** A self-check with one failed item per hazard given: each becomes an open hazard of the school. */
function inspectionWith(schoolId: string, hazards: Record<string, { description: string; deadline: string }>): SubmissionEnvelope {
  const answers: Record<string, unknown> = { ...passingAnswers() }
  for (const [field, hazard] of Object.entries(hazards)) answers[field] = { result: 'fail', hazard: { ...hazard, severity: 'medium' } }
  return fireSafetyEnvelope({ schoolId, answers, deviceId: `todo-${schoolId}` })
}

function rectification(hazardId: string): SubmissionEnvelope {
  return {
    id: uuidv7(),
    formId: 'hazard-rectification',
    formVersion: 1,
    schoolId: 'school-1',
    subjectId: hazardId,
    answers: { measures: '已更换', rectifiedBy: '李主任', rectifiedOn: `${year}-03-05` },
    attachments: [],
    startedAt: `${year}-03-05T08:00:00.000Z`,
    completedAt: `${year}-03-05T08:10:00.000Z`,
    deviceId: 'todo-school-1',
  }
}

describe.each(dialects)('GET /api/v1/todo: the school\'s 待办 (%s)', (dialect) => {
  let server: TestServer
  // The request clock: 10:00 in Shanghai on 5 March.
  let clock = new Date(`${year}-03-05T02:00:00Z`)
  const tokens: Record<string, string> = {}
  const school1 = inspectionWith('school-1', {
    exits: { description: '安全出口堵塞', deadline: `${year}-03-03` },
    wiring: { description: '配电箱未上锁', deadline: `${year}-03-20` },
    drill: { description: '疏散演练未做', deadline: `${year}-03-01` },
  })
  const school2 = inspectionWith('school-2', { alarm: { description: '实验初中报警器故障', deadline: `${year}-03-02` } })

  const submit = async (user: string, envelope: SubmissionEnvelope): Promise<SubmitResult> => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(tokens[user] ?? ''), payload: { submissions: [envelope] } })
    expect(response.statusCode).toBe(200)
    return response.json().results[0] as SubmitResult
  }
  const todoAs = (user: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url: '/api/v1/todo', headers: { ...bearer(tokens[user] ?? ''), ...headers } })
  const itemsOf = async (user: string): Promise<readonly TodoItem[]> => {
    const response = await todoAs(user)
    expect(response.statusCode).toBe(200)
    return (response.json() as TodoResponse).items
  }

  beforeAll(async () => {
    server = await startServer(dialect, {}, { now: () => clock })
    for (const [user, password] of [
      ['school1', 'school123'], ['principal1', 'principal123'], ['school2', 'school123'],
      ['bureau', 'bureau123'], ['inspector', 'inspector123'], ['admin', 'admin123'],
    ] as const) tokens[user] = await server.login(user, password)
    expect((await submit('school1', school1)).status).toBe('accepted')
    expect((await submit('school2', school2)).status).toBe('accepted')
  })
  afterAll(() => server.close())

  it('lists the school\'s open hazards with their deadline in Shanghai and a link to each', async () => {
    const hazards = (await itemsOf('school1')).filter((item) => item.kind === 'hazard')
    expect(hazards.map((item) => item.title.zh).sort()).toEqual(['安全出口堵塞', '疏散演练未做', '配电箱未上锁'])
    expect(hazards.find((item) => item.title.zh === '安全出口堵塞')).toMatchObject({
      dueAt: `${year}-03-03T23:59:59+08:00`,
      link: `/hazards/${encodeURIComponent(`${school1.id}:exits`)}`,
      hazardId: `${school1.id}:exits`,
      severity: 'medium',
    })
  })

  it('a school never sees another school\'s items', async () => {
    const mine = JSON.stringify(await itemsOf('school1'))
    expect(mine).not.toContain('实验初中报警器故障')
    const theirs = await itemsOf('school2')
    expect(theirs.filter((item) => item.kind === 'hazard').map((item) => item.title.zh)).toEqual(['实验初中报警器故障'])
    expect(JSON.stringify(theirs)).not.toContain(school1.id)
  })

  it('lists the pledges the user\'s role must sign: staff their own, the principal the school\'s', async () => {
    const staff = (await itemsOf('school1')).filter((item) => item.kind === 'pledge')
    expect(staff.map((item) => item.key)).toEqual([`pledge:${staffConduct}`])
    expect(staff[0]).toMatchObject({ dueAt: `${year}-09-30T23:59:59+08:00`, link: `/pledges/${encodeURIComponent(staffConduct)}/sign` })
    const principal = (await itemsOf('principal1')).filter((item) => item.kind === 'pledge')
    expect(principal.map((item) => item.key).sort()).toEqual([`pledge:${pledgeVersionId(`food-safety-${year}`, 1)}`, `pledge:${pledgeVersionId(`safe-campus-${year}`, 1)}`])
  })

  it('orders overdue first by how late, then the soonest due', async () => {
    const all = await itemsOf('principal1')
    // The demo's schedules, campaign and notice add their own items; the whole list is in the core order.
    expect(all.map((item) => item.key)).toEqual(orderTodo(all, clock).map((item) => item.key))
    const items = all.filter((item) => item.kind === 'hazard' || item.kind === 'pledge')
    expect(items.map((item) => item.title.zh)).toEqual([
      '疏散演练未做', // 4 days late
      '安全出口堵塞', // 2 days late
      '配电箱未上锁', // due 20 March
      expect.stringContaining('平安校园'), // safe-campus, due 31 March
      expect.stringContaining('食品安全'), // food-safety, due 31 December
    ])
    expect(items.slice(0, 2).map((item) => daysLate(item, clock))).toEqual([4, 2])
  })

  it('the district\'s people and admins get 403, nobody signed in 401', async () => {
    for (const user of ['bureau', 'inspector', 'admin']) {
      const response = await todoAs(user)
      expect(response.statusCode, user).toBe(403)
      expect(response.json().error.code).toBe('forbidden')
    }
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/todo' })).statusCode).toBe(401)
  })

  it('is ETag\'d: unchanged is a 304, a change or a new Shanghai day is a 200 with a new tag', async () => {
    const first = await todoAs('school1')
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/)
    expect(first.headers['cache-control']).toBe('private, no-cache')
    const again = await todoAs('school1', { 'if-none-match': etag })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    // Later the same Shanghai day: the list reads the same, so still a 304.
    clock = new Date(`${year}-03-05T15:00:00Z`)
    expect((await todoAs('school1', { 'if-none-match': etag })).statusCode).toBe(304)
    // One second past midnight in Shanghai: every "逾期 N 天" moved on, the tag too.
    clock = new Date(`${year}-03-05T16:00:01Z`)
    const nextDay = await todoAs('school1', { 'if-none-match': etag })
    expect(nextDay.statusCode).toBe(200)
    expect(nextDay.headers.etag).not.toBe(etag)
    // Another school's change is not this school's: its tag stays.
    const before = nextDay.headers.etag as string
    expect((await submit('school2', inspectionWith('school-2', { hydrants: { description: '消火栓无水', deadline: `${year}-04-01` } }))).status).toBe('accepted')
    expect((await todoAs('school1', { 'if-none-match': before })).statusCode).toBe(304)
    // The school's own rectification takes the hazard off the list and changes the tag.
    expect((await submit('school1', rectification(`${school1.id}:drill`))).status).toBe('accepted')
    const after = await todoAs('school1', { 'if-none-match': before })
    expect(after.statusCode).toBe(200)
    expect((after.json() as TodoResponse).items.map((item) => item.title.zh)).not.toContain('疏散演练未做')
    clock = new Date(`${year}-03-05T02:00:00Z`)
  })

  it('a pledge once signed is off the list', async () => {
    const versionId = staffConduct
    const { pledges } = (await server.app.inject({ method: 'GET', url: '/api/v1/pledges', headers: bearer(tokens['school1'] ?? '') })).json() as PledgesResponse
    const png = tinyPng(30, 60, 90)
    const signature = sha256(png)
    const upload = await server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${signature}`, headers: { ...bearer(tokens['school1'] ?? ''), 'content-type': 'image/png' }, payload: png })
    expect(upload.statusCode).toBe(201)
    const result = await submit('school1', {
      id: uuidv7(),
      formId: 'pledge-signing',
      formVersion: 1,
      schoolId: 'school-1',
      subjectId: versionId,
      answers: { signerName: '王老师', textHash: pledges.find((pledge) => pledge.id === versionId)?.textHash ?? '', signature },
      attachments: [signature],
      startedAt: `${year}-03-05T01:00:00.000Z`,
      completedAt: `${year}-03-05T01:05:00.000Z`,
      deviceId: 'todo-school-1',
    })
    expect(result, JSON.stringify(result)).toMatchObject({ status: 'accepted' })
    expect((await itemsOf('school1')).filter((item) => item.kind === 'pledge')).toEqual([])
    // A staff member's signing is theirs alone: the principal still owes the school's pledges.
    expect((await itemsOf('principal1')).filter((item) => item.kind === 'pledge')).toHaveLength(2)
  })
})
