import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RemindersResponse, SendRemindersResponse, WebhookEntry } from '../../src/core/reminders.js'
import type { User } from '../../src/core/protocol.js'
import { startOutboundWorker, type OutboundWorker } from '../../src/server/outbound-worker.js'
import { reminderSource } from '../../src/server/services/todo/reminder-source.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { myopiaEnvelope } from './report-envelopes.js'
import { startReceiver, type Receiver } from './webhookReceiver.js'

const KEY = '5f0e1d2c-3b4a-4968-8776-a1b2c3d4e5f6'
const form = { formId: 'myopia-screening', period: '2026-T1' }

describe.each(dialects)('催报 reminders (%s)', (dialect) => {
  let server: TestServer
  let receiver: Receiver
  let worker: OutboundWorker
  let clock = new Date('2026-03-10T02:00:00.000Z')
  const tokens: Record<string, string> = {}

  const call = async <T>(user: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const response = await server.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[user] ?? ''), ...(payload === undefined ? {} : { payload: payload as object }) })
    return { status: response.statusCode, body: (response.body === '' ? null : response.json()) as T, raw: response.body }
  }
  const staffOf = async (schoolId: string): Promise<User> => {
    const row = await server.db.selectFrom('users').selectAll().where('school_id', '=', schoolId).where('role', '=', 'staff').executeTakeFirstOrThrow()
    return { id: row.id, username: row.username, displayName: row.display_name, role: 'staff', schoolId, districtId: row.district_id }
  }
  const todoOf = async (schoolId: string) => reminderSource({ db: server.db, user: await staffOf(schoolId), schoolId, districtId: 'district-1', now: clock })

  beforeAll(async () => {
    receiver = await startReceiver()
    server = await startServer(dialect, { webhookExtraOrigins: [receiver.origin] }, { now: () => clock })
    for (const user of ['bureau', 'bureau2', 'admin', 'school1', 'school2', 'inspector']) tokens[user] = await server.login(user, user.startsWith('school') ? 'school123' : `${user.replace(/\d$/, '')}123`)
    worker = startOutboundWorker(server.db, server.config, server.app.log, { now: () => clock, random: () => 0.5 })
    worker.stop()
    await call('bureau', 'PUT', '/admin/deadlines', { ...form, dueAt: '2026-03-20T00:00:00+08:00' })
    // school-1 has filed; school-2 … school-5 have not.
    const filed = await call<{ results: { status: string }[] }>('school1', 'POST', '/submissions', { submissions: [myopiaEnvelope({ enrolled: 500, screened: 500, myopic: 100 })] })
    expect(filed.body.results[0]?.status).toBe('accepted')
  }, 60_000)
  afterAll(async () => {
    await server.close()
    await receiver.close()
  })
  beforeEach(() => (receiver.mode = 'ok'))
  afterEach(() => (receiver.received.length = 0))

  it('connects a 企业微信 robot for the district and shows it only masked', async () => {
    const url = `${receiver.origin}/cgi-bin/webhook/send?key=${KEY}`
    const set = await call<WebhookEntry>('bureau', 'PUT', '/webhooks', { channel: 'wecom', url })
    expect(set.status).toBe(200)
    expect(set.body).toMatchObject({ id: 'district:district-1', schoolId: null, channel: 'wecom', maskedUrl: `${receiver.origin}/…key=****e5f6`, signed: false })
    const listed = await call<{ webhooks: WebhookEntry[] }>('bureau', 'GET', '/webhooks')
    expect(listed.body.webhooks.map((hook) => hook.id)).toEqual(['district:district-1'])
    for (const reply of [set.raw, listed.raw]) expect(reply).not.toContain(KEY)
    expect((await call<{ webhooks: WebhookEntry[] }>('bureau2', 'GET', '/webhooks')).body.webhooks).toEqual([])
  })

  it('refuses a robot address off the services\' hosts, or of the other channel, with a message in Chinese and English', async () => {
    const off = await call<{ error: { code: string; message: string } }>('bureau', 'PUT', '/webhooks', { channel: 'wecom', url: 'http://10.1.2.3/cgi-bin/webhook/send?key=abc' })
    expect(off.status).toBe(400)
    expect(off.body.error.message).toMatch(/企业微信.*\/.*WeCom/)
    expect((await call('bureau', 'PUT', '/webhooks', { channel: 'dingtalk', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc' })).status).toBe(400)
    expect((await call('bureau', 'PUT', '/webhooks', { channel: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' })).status).toBe(400)
    expect((await call('bureau', 'PUT', '/webhooks', { channel: 'sms', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc' })).status).toBe(400)
    expect((await call('bureau', 'PUT', '/webhooks', { channel: 'wecom', url: `${receiver.origin}/x?key=abc`, schoolId: 'school-6' })).status).toBe(404)
    expect((await call('bureau2', 'DELETE', '/webhooks/district:district-1')).status).toBe(404)
    expect((await call('bureau', 'DELETE', '/webhooks/school:school-6')).status).toBe(404)
    // Removing a school's robot that was never set is a removal already done.
    expect((await call('bureau', 'DELETE', '/webhooks/school:school-2')).status).toBe(204)
    expect((await call('bureau', 'DELETE', '/webhooks/school:nope')).status).toBe(404)
    expect((await call('school1', 'GET', '/webhooks')).status).toBe(403)
  })

  it('reminds every school that has not filed, once a day however often the bureau taps, and sends one group message', async () => {
    const first = await call<SendRemindersResponse>('bureau', 'POST', '/reminders', form)
    expect(first.status).toBe(200)
    expect(first.body.reminded.map((entry) => entry.schoolId).sort()).toEqual(['school-2', 'school-3', 'school-4', 'school-5'])
    expect(first.body.filed).toEqual(['school-1'])
    expect(first.body.messages).toBe(1)
    expect(first.body.reminded[0]).toMatchObject({ origin: 'manual', day: '2026-03-10', delivery: 'pending', filed: false, formTitle: { zh: expect.any(String) } })

    const second = await call<SendRemindersResponse>('bureau', 'POST', '/reminders', form)
    expect(second.body).toMatchObject({ reminded: [], messages: 0 })
    expect([...second.body.alreadyReminded].sort()).toEqual(['school-2', 'school-3', 'school-4', 'school-5'])

    await worker.deliver()
    await worker.deliver()
    expect(receiver.received).toHaveLength(1)
    const content = receiver.received[0]?.body.markdown?.content ?? ''
    expect(content).toContain('以下 4 所学校尚未报送')
    expect(content).toContain('河口镇中心幼儿园')
    expect(content).not.toContain('示范区第一小学')
    expect(content).toContain('截止日期 2026-03-19')

    const listed = await call<RemindersResponse>('bureau', 'GET', `/reminders?formId=${form.formId}&period=${form.period}`)
    expect(listed.body.reminders).toHaveLength(4)
    expect(listed.body.reminders.every((entry) => entry.delivery === 'sent')).toBe(true)
    expect(listed.body.messages[0]).toMatchObject({ state: 'sent', attempts: 1, channel: 'wecom' })
    expect((await call<RemindersResponse>('bureau2', 'GET', '/reminders')).body).toEqual({ reminders: [], messages: [] })
  })

  it('reminds again the next Shanghai day, and only the named schools that still owe', async () => {
    clock = new Date('2026-03-10T16:30:00.000Z') // 00:30 on 11 March in Shanghai
    const named = await call<SendRemindersResponse>('bureau', 'POST', '/reminders', { ...form, schoolIds: ['school-1', 'school-3'] })
    expect(named.body.reminded.map((entry) => [entry.schoolId, entry.day])).toEqual([['school-3', '2026-03-11']])
    expect(named.body.filed).toEqual(['school-1'])
    await worker.deliver()
    expect(receiver.received).toHaveLength(1)
    expect(receiver.received[0]?.body.markdown?.content).toContain('以下 1 所学校')
  })

  it('sends a school with a robot of its own one message naming it, beside the district\'s list', async () => {
    const schoolKey = '0a0b0c0d-1111-4222-8333-944455556666'
    expect((await call('bureau', 'PUT', '/webhooks', { channel: 'wecom', url: `${receiver.origin}/cgi-bin/webhook/send?key=${schoolKey}`, schoolId: 'school-4' })).status).toBe(200)
    clock = new Date('2026-03-11T08:00:00.000Z')
    const sent = await call<SendRemindersResponse>('bureau', 'POST', '/reminders', { ...form, schoolIds: ['school-4', 'school-5'] })
    expect(sent.body.messages).toBe(2)
    await worker.deliver()
    const byKey = new Map(receiver.received.map((got) => [got.url.searchParams.get('key'), got.body.markdown?.content ?? '']))
    expect(byKey.get(KEY)).toContain('以下 2 所学校')
    expect(byKey.get(schoolKey)).toContain('以下 1 所学校')
    expect(byKey.get(schoolKey)).toContain('青山九年一贯制学校')
    expect(byKey.get(schoolKey)).not.toContain('示范区第一高级中学')
    expect((await call('bureau', 'DELETE', '/webhooks/school:school-4')).status).toBe(204)
  })

  it('puts the reminder on the school\'s to-do until the report is filed', async () => {
    const [item] = await todoOf('school-2')
    expect(item).toMatchObject({ kind: 'reminder', key: 'reminder:myopia-screening:2026-T1', link: '/new/myopia-screening?period=2026-T1', formId: 'myopia-screening', period: '2026-T1', dueAt: '2026-03-20T00:00:00+08:00' })
    expect(await todoOf('school-1')).toEqual([])
    const filed = await call<{ results: { status: string }[] }>('school2', 'POST', '/submissions', { submissions: [myopiaEnvelope({ enrolled: 400, screened: 400, myopic: 90 }, { schoolId: 'school-2' })] })
    expect(filed.body.results[0]?.status).toBe('accepted')
    expect(await todoOf('school-2')).toEqual([])
    const listed = await call<RemindersResponse>('bureau', 'GET', `/reminders?formId=${form.formId}`)
    expect(listed.body.reminders.find((entry) => entry.schoolId === 'school-2')?.filed).toBe(true)
  })

  it('keeps reminders to the caller\'s district and role', async () => {
    const other = await call<{ error: { code: string; message: string } }>('bureau2', 'POST', '/reminders', { ...form, districtId: 'district-1' })
    expect(other.status).toBe(403)
    expect(other.body.error.message).toBe('不能替其他区县操作 / You may not act for another district')
    expect((await call('bureau', 'POST', '/reminders', { ...form, schoolIds: ['school-6'] })).status).toBe(404)
    expect((await call('school1', 'POST', '/reminders', form)).status).toBe(403)
    expect((await call('inspector', 'POST', '/reminders', form)).status).toBe(403)
    const unnamed = await call<{ error: { code: string; message: string } }>('admin', 'POST', '/reminders', form)
    expect(unnamed.status).toBe(400)
    expect(unnamed.body.error.message).toContain('请指明区县')
    expect((await call('bureau', 'POST', '/reminders', { ...form, period: '2026-03' })).status).toBe(400)
    expect((await call('bureau', 'POST', '/reminders', { ...form, formId: 'nope' })).status).toBe(404)
    expect((await call('bureau', 'POST', '/reminders', { ...form, schoolIds: [] })).status).toBe(400)
  })

  it('shows a dead letter to the bureau, which retries it into a delivery', async () => {
    receiver.mode = 'http500'
    clock = new Date('2026-03-12T02:00:00.000Z')
    await call('bureau', 'POST', '/reminders', form)
    for (let attempt = 0; attempt < server.config.outboundMaxAttempts; attempt++) {
      await worker.deliver()
      clock = new Date(clock.getTime() + server.config.outboundRetryMaxSeconds * 1000)
    }
    const listed = await call<RemindersResponse>('bureau', 'GET', '/reminders')
    const dead = listed.body.messages[0]
    expect(dead).toMatchObject({ state: 'dead', lastError: 'HTTP 500', attempts: server.config.outboundMaxAttempts })
    expect(listed.body.reminders.filter((entry) => entry.day === '2026-03-12').every((entry) => entry.delivery === 'dead')).toBe(true)
    expect((await call('bureau2', 'POST', `/outbound-messages/${dead?.id}/retry`)).status).toBe(404)
    receiver.mode = 'ok'
    expect((await call('bureau', 'POST', `/outbound-messages/${dead?.id}/retry`)).body).toMatchObject({ state: 'pending', attempts: 0 })
    expect((await call('bureau', 'POST', `/outbound-messages/${dead?.id}/retry`)).status).toBe(409)
    receiver.received.length = 0
    await worker.deliver()
    expect(receiver.received).toHaveLength(1)
  })

  it('sets automatic reminders per district with per-form overrides, and makes each once', async () => {
    expect((await call('bureau', 'GET', '/reminder-settings')).body).toEqual({ enabled: true, daysBefore: 3, daysAfter: 1, forms: {} })
    expect((await call('bureau', 'PUT', '/reminder-settings', { enabled: true, daysBefore: 31, daysAfter: 1, forms: {} })).status).toBe(400)
    expect((await call('bureau', 'PUT', '/reminder-settings', { enabled: true, daysBefore: 2, daysAfter: 1, forms: { 'bad id!': {} } })).status).toBe(400)
    type Refusal = { error: { code: string; message: string; details: { issues: { fieldId: string; message: { zh: string } }[] } } }
    const unknown = await call<Refusal>('bureau', 'PUT', '/reminder-settings', { enabled: true, daysBefore: 2, daysAfter: 1, forms: { 'no-such-form': { daysBefore: 2 } } })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toMatchObject({ code: 'validation_failed', message: '本区县没有这张表单：no-such-form / This district has no form no-such-form' })
    const range = await call<Refusal>('bureau', 'PUT', '/reminder-settings', { enabled: true, daysBefore: 2, daysAfter: 1, forms: { 'myopia-screening': { daysBefore: 31, daysAfter: -1 } } })
    expect(range.body.error.details.issues.map((issue) => [issue.fieldId, issue.message.zh])).toEqual([
      ['forms.myopia-screening.daysBefore', '「近视筛查统计」的截止前提醒天数应为 0 到 30 之间的整数'],
      ['forms.myopia-screening.daysAfter', '「近视筛查统计」的逾期提醒天数应为 0 到 30 之间的整数'],
    ])
    expect((await call('bureau', 'GET', '/reminder-settings')).body).toMatchObject({ daysBefore: 3, forms: {} })
    expect((await call('admin', 'GET', '/reminder-settings')).status).toBe(400)
    const put = await call('bureau', 'PUT', '/reminder-settings', { enabled: true, daysBefore: 2, daysAfter: 1, forms: { 'myopia-screening': { daysBefore: 5 } } })
    expect(put.status).toBe(200)
    expect((await call('bureau2', 'GET', '/reminder-settings')).body).toMatchObject({ daysBefore: 3, forms: {} })

    // 15 March in Shanghai: the myopia deadline (end of 19 March) is 4 days off, within its 5.
    clock = new Date('2026-03-15T02:00:00.000Z')
    receiver.received.length = 0
    await worker.remind()
    await worker.remind()
    const auto = await server.db.selectFrom('reminders').select(['school_id', 'origin']).where('origin', '=', 'before').orderBy('school_id').execute()
    // school-1 and school-2 have filed.
    expect(auto.map((row) => row.school_id)).toEqual(['school-3', 'school-4', 'school-5'])
    expect(receiver.received).toHaveLength(1)
    expect(receiver.received[0]?.body.markdown?.content).toContain('即将到期提醒')
  })
})
