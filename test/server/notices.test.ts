import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NoticeListItem, NoticeReadsResponse, NoticesResponse } from '../../src/core/noticeProtocol.js'
import type { SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { digestOf, receiptEnvelope } from './receiptEnvelopes.js'

describe.each(dialects)('notices with read receipts (%s)', (dialect) => {
  let server: TestServer
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    server = await startServer(dialect, {}, { now: () => new Date('2026-05-06T02:00:00.000Z') })
    for (const [user, password] of [['school1', 'school123'], ['principal1', 'principal123'], ['school2', 'school123'], ['bureau', 'bureau123'], ['bureau2', 'bureau123'], ['inspector', 'inspector123'], ['admin', 'admin123']] as const) {
      tokens[user] = await server.login(user, password)
    }
  })
  afterAll(() => server.close())

  const as = (user: string) => bearer(tokens[user] ?? '')

  async function publish(user: string, payload: Record<string, unknown>) {
    return server.app.inject({ method: 'POST', url: '/api/v1/notices', headers: as(user), payload })
  }

  async function publishOk(payload: Record<string, unknown>): Promise<NoticeListItem> {
    const response = await publish('bureau', { kind: 'notice', bodyFormat: 'text', body: '请各校做好防汛准备。', ...payload })
    expect(response.statusCode, response.body).toBe(201)
    return (response.json() as { notice: NoticeListItem }).notice
  }

  async function list(user: string): Promise<readonly NoticeListItem[]> {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/notices', headers: as(user) })
    expect(response.statusCode).toBe(200)
    return (response.json() as NoticesResponse).notices
  }

  async function send(user: string, envelopes: readonly SubmissionEnvelope[]): Promise<SubmitResult[]> {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: as(user), payload: { submissions: envelopes } })
    expect(response.statusCode).toBe(200)
    return (response.json() as { results: SubmitResult[] }).results
  }

  it('a notice to primary schools reaches school-1 and not the junior middle school-2', async () => {
    const notice = await publishOk({ title: '小学防溺水通知', audience: { kinds: ['primary'] } })
    expect((await list('school1')).map((item) => item.id)).toContain(notice.id)
    expect((await list('school2')).map((item) => item.id)).not.toContain(notice.id)
    const opened = await server.app.inject({ method: 'GET', url: `/api/v1/notices/${notice.id}`, headers: as('school2') })
    expect(opened.statusCode).toBe(404)
    expect(opened.json()).toMatchObject({ error: { code: 'not_found' } })
  })

  it('another district sees nothing of it, not even by id', async () => {
    const notice = await publishOk({ title: '全区通知', audience: {} })
    expect((await list('bureau2')).map((item) => item.id)).not.toContain(notice.id)
    expect((await server.app.inject({ method: 'GET', url: `/api/v1/notices/${notice.id}`, headers: as('bureau2') })).statusCode).toBe(404)
    expect((await server.app.inject({ method: 'GET', url: `/api/v1/notices/${notice.id}/reads`, headers: as('bureau2') })).statusCode).toBe(404)
    const inspector = await list('inspector')
    expect(inspector.find((item) => item.id === notice.id)).toMatchObject({ targetCount: 5, readCount: 0 })
  })

  it('the same read sent twice yields one read row, and a second phone of the same person is a duplicate too', async () => {
    const notice = await publishOk({ title: '读一次', audience: { schoolIds: ['school-1'] } })
    const read = receiptEnvelope('notice', notice.id)
    const [first] = await send('school1', [read])
    expect(first).toMatchObject({ status: 'accepted' })
    const [again] = await send('school1', [read])
    expect(again).toMatchObject({ status: 'duplicate', digest: digestOf(first) })
    const [otherPhone] = await send('school1', [receiptEnvelope('notice', notice.id, { deviceId: 'phone-2' })])
    expect(otherPhone).toMatchObject({ status: 'duplicate', digest: digestOf(first) })
    const rows = await server.db.selectFrom('notice_reads').selectAll().where('notice_id', '=', notice.id).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ school_id: 'school-1', user_id: 'user-school1', read_at: read.completedAt })
    // Only the first read's submission row is kept.
    expect(await server.db.selectFrom('submissions').select('id').where('subject_id', '=', notice.id).execute()).toHaveLength(1)
    expect((await list('school1')).find((item) => item.id === notice.id)?.readAt).toBe(read.completedAt)
  })

  it('two reads of one notice in one batch keep one row and answer the second as a duplicate', async () => {
    const notice = await publishOk({ title: '同批两次', audience: { schoolIds: ['school-1'] } })
    const results = await send('school1', [receiptEnvelope('notice', notice.id), receiptEnvelope('notice', notice.id, { deviceId: 'phone-3' })])
    expect(results.map((result) => result.status)).toEqual(['accepted', 'duplicate'])
    expect(await server.db.selectFrom('notice_reads').select('id').where('notice_id', '=', notice.id).execute()).toHaveLength(1)
  })

  it('a read for a notice not targeted at the school is refused per item, beside an accepted one', async () => {
    const forSchool2 = await publishOk({ title: '只发二中', audience: { schoolIds: ['school-2'] } })
    const forSchool1 = await publishOk({ title: '只发一小', audience: { schoolIds: ['school-1'] } })
    const results = await send('school1', [receiptEnvelope('notice', forSchool2.id), receiptEnvelope('notice', forSchool1.id)])
    expect(results[0]).toMatchObject({ status: 'rejected', error: { code: 'validation_failed', details: { issues: [{ fieldId: 'subjectId', code: 'noticeUnknown' }] } } })
    expect(JSON.stringify(results[0])).toContain('没有这条通知')
    expect(results[1]).toMatchObject({ status: 'accepted' })
    expect(await server.db.selectFrom('notice_reads').select('id').where('notice_id', '=', forSchool2.id).execute()).toHaveLength(0)
    const [unknown] = await send('school1', [receiptEnvelope('notice', 'no-such-notice')])
    expect(unknown).toMatchObject({ status: 'rejected', error: { details: { issues: [{ code: 'noticeUnknown' }] } } })
  })

  it('only the school\'s own people confirm a read: an inspector filing one for a school is refused', async () => {
    const notice = await publishOk({ title: '督查员不能代读', audience: { schoolIds: ['school-1'] } })
    const [result] = await send('inspector', [receiptEnvelope('notice', notice.id)])
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } })
  })

  it('the bureau sees who read when, school by school, and the read count', async () => {
    const notice = await publishOk({ title: '谁读了', audience: { schoolIds: ['school-1', 'school-2'] } })
    await send('principal1', [receiptEnvelope('notice', notice.id, { completedAt: '2026-05-06T01:30:00.000Z' })])
    await send('school1', [receiptEnvelope('notice', notice.id)])
    const response = await server.app.inject({ method: 'GET', url: `/api/v1/notices/${notice.id}/reads`, headers: as('bureau') })
    expect(response.statusCode).toBe(200)
    const reads = response.json() as NoticeReadsResponse
    expect(reads.schools.map((school) => [school.schoolId, school.readers.map((reader) => [reader.displayName, reader.readAt])])).toEqual([
      ['school-1', [['第一小学安全员', '2026-05-06T01:00:05.000Z'], ['第一小学校长', '2026-05-06T01:30:00.000Z']]],
      ['school-2', []],
    ])
    expect((await list('bureau')).find((item) => item.id === notice.id)).toMatchObject({ targetCount: 2, readCount: 1 })
    expect((await server.app.inject({ method: 'GET', url: `/api/v1/notices/${notice.id}/reads`, headers: as('school1') })).statusCode).toBe(403)
  })

  it('refuses a bad notice with 400 and words in Chinese and English, never a 5xx', async () => {
    for (const payload of [
      { title: '', body: 'x', audience: {} },
      { title: 't', body: 'x', audience: { kinds: ['castle'] } },
      { title: 't', body: 'x', audience: { schoolIds: ['school-6'] } },
      { title: 't', body: 'x', audience: { townships: ['无此乡'] } },
      { title: 't', body: 'x', kind: 'memo', audience: {} },
      { title: 't', body: 'x', bodyFormat: 'html', audience: {} },
      { title: 't'.repeat(201), body: 'x', audience: {} },
    ]) {
      const response = await publish('bureau', payload)
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
      expect((response.json() as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/)
    }
    expect((await publish('school1', { title: 't', body: 'x', audience: {} })).statusCode).toBe(403)
    expect((await publish('inspector', { title: 't', body: 'x', audience: {} })).statusCode).toBe(403)
    expect((await publish('admin', { title: 't', body: 'x', audience: {} })).statusCode).toBe(400)
    expect((await publish('admin', { title: 't', body: 'x', audience: {}, districtId: 'district-2' })).statusCode).toBe(201)
    expect((await publish('bureau', { title: 't', body: 'x', audience: {}, districtId: 'district-2' })).statusCode).toBe(403)
  })

  it('audits every published notice', async () => {
    const notice = await publishOk({ title: '审计', audience: {} })
    const entry = await server.db.selectFrom('audit_log').selectAll().where('subject_id', '=', notice.id).executeTakeFirst()
    expect(entry).toMatchObject({ action: 'notice_published', actor_id: 'user-bureau', district_id: 'district-1' })
  })
})
