import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CampaignListItem, CampaignProgressResponse, CloseCampaignResponse, NoticesResponse } from '../../src/core/noticeProtocol.js'
import type { SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import { fireSafetyEnvelope } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { digestOf, receiptEnvelope } from './receiptEnvelopes.js'

describe.each(dialects)('campaigns (%s)', (dialect) => {
  let server: TestServer
  const tokens: Record<string, string> = {}
  // The clock the server reads: moved forward to watch a window close.
  let now = new Date('2026-05-06T02:00:00.000Z')

  beforeAll(async () => {
    server = await startServer(dialect, {}, { now: () => now })
    for (const [user, password] of [['school1', 'school123'], ['school2', 'school123'], ['bureau', 'bureau123'], ['bureau2', 'bureau123'], ['inspector', 'inspector123']] as const) {
      tokens[user] = await server.login(user, password)
    }
  })
  afterAll(() => server.close())

  const as = (user: string) => bearer(tokens[user] ?? '')

  async function launch(payload: Record<string, unknown> = {}, user = 'bureau') {
    return server.app.inject({
      method: 'POST', url: '/api/v1/campaigns', headers: as(user),
      payload: { title: '汛期前校舍安全专项检查', instructions: '各校于5月10日前完成自查。', formId: 'school-buildings', audience: { schoolIds: ['school-1', 'school-2'] }, opensOn: '2026-05-06', closesOn: '2026-05-10', ...payload },
    })
  }

  async function launchOk(payload: Record<string, unknown> = {}): Promise<CampaignListItem> {
    const response = await launch(payload)
    expect(response.statusCode, response.body).toBe(201)
    return (response.json() as { campaign: CampaignListItem }).campaign
  }

  async function send(user: string, envelopes: readonly SubmissionEnvelope[]): Promise<SubmitResult[]> {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: as(user), payload: { submissions: envelopes } })
    expect(response.statusCode).toBe(200)
    return (response.json() as { results: SubmitResult[] }).results
  }

  async function progress(id: string, user = 'bureau'): Promise<CampaignProgressResponse> {
    const response = await server.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/progress`, headers: as(user) })
    expect(response.statusCode, response.body).toBe(200)
    return response.json() as CampaignProgressResponse
  }

  it('launches to its target schools only: school-1 sees it, a kindergarten and another district do not', async () => {
    const campaign = await launchOk({ audience: { kinds: ['primary', 'junior_middle'] } })
    expect(campaign).toMatchObject({ status: 'open', period: '2026-05', targetCount: 2, acknowledgedCount: 0, filedCount: 0 })
    expect(campaign.formTitle.zh).toBeTruthy()
    const mine = (await server.app.inject({ method: 'GET', url: '/api/v1/campaigns', headers: as('school1') })).json() as { campaigns: CampaignListItem[] }
    expect(mine.campaigns.find((item) => item.id === campaign.id)).toMatchObject({ acknowledgedAt: null, filedAt: null, targetCount: null })
    expect((await server.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaign.id}`, headers: as('bureau2') })).statusCode).toBe(404)
    const audit = await server.db.selectFrom('audit_log').select('action').where('subject_id', '=', campaign.id).execute()
    expect(audit.map((row) => row.action)).toEqual(['campaign_launched'])
  })

  it('an acknowledgement counts once per school, with who and when, whoever sends it again', async () => {
    const campaign = await launchOk()
    const ack = receiptEnvelope('campaign', campaign.id)
    const [first] = await send('school1', [ack])
    expect(first).toMatchObject({ status: 'accepted' })
    expect((await send('school1', [ack]))[0]).toMatchObject({ status: 'duplicate', digest: digestOf(first) })
    expect(await server.db.selectFrom('campaign_acks').select('id').where('campaign_id', '=', campaign.id).execute()).toHaveLength(1)
    const rows = (await progress(campaign.id)).schools
    expect(rows.map((row) => [row.schoolId, row.acknowledgedBy, row.acknowledgedAt])).toEqual([
      ['school-1', '第一小学安全员', ack.completedAt],
      ['school-2', null, null],
    ])
  })

  it('an acknowledgement for a campaign not sent to the school is refused per item', async () => {
    const campaign = await launchOk({ audience: { schoolIds: ['school-2'] } })
    const [result] = await send('school1', [receiptEnvelope('campaign', campaign.id)])
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'validation_failed', details: { issues: [{ code: 'campaignUnknown' }] } } })
  })

  it('judges filing by the first report filed for the campaign: on time, late, missing, not yet due', async () => {
    now = new Date('2026-05-06T02:00:00.000Z')
    const campaign = await launchOk({ formId: 'fire-safety', audience: { schoolIds: ['school-1', 'school-2', 'school-4'] } })
    // A routine report of the same form inside the window is not a filing for the campaign.
    await send('school1', [fireSafetyEnvelope({ schoolId: 'school-1', deviceId: 'routine' })])
    expect((await progress(campaign.id)).schools.map((row) => row.filing)).toEqual(['not_due', 'not_due', 'not_due'])
    now = new Date('2026-05-10T15:59:59.000Z') // 23:59:59 on 10 May in Shanghai: still on time
    const [onTime] = await send('school1', [fireSafetyEnvelope({ schoolId: 'school-1', deviceId: 'on-time', subjectId: campaign.id })])
    expect(onTime).toMatchObject({ status: 'accepted' })
    expect((await progress(campaign.id)).schools.map((row) => row.filing)).toEqual(['on_time', 'not_due', 'not_due'])
    now = new Date('2026-05-10T16:00:01.000Z') // 00:00:01 on 11 May in Shanghai
    await send('school2', [fireSafetyEnvelope({ schoolId: 'school-2', deviceId: 'late', subjectId: campaign.id })])
    const closed = await progress(campaign.id)
    expect(closed.schools.map((row) => [row.schoolId, row.filing])).toEqual([['school-1', 'on_time'], ['school-2', 'late'], ['school-4', 'missing']])
    expect(closed.schools[0]?.submissionId).toBe(onTime?.id)
    expect(closed.totals).toMatchObject({ targets: 3, acknowledged: 0, on_time: 1, late: 1, missing: 1, not_due: 0 })
    now = new Date('2026-05-06T02:00:00.000Z')
  })

  it('counts a filing for this campaign only: not a same-form report outside it, not one filed for another campaign, not its 已阅', async () => {
    const mine = await launchOk({ formId: 'fire-safety', audience: { schoolIds: ['school-1', 'school-2'] } })
    const other = await launchOk({ formId: 'fire-safety', audience: { schoolIds: ['school-1', 'school-2'] } })
    const results = await send('school1', [
      receiptEnvelope('campaign', mine.id),
      fireSafetyEnvelope({ schoolId: 'school-1', deviceId: 'routine' }),
      fireSafetyEnvelope({ schoolId: 'school-1', deviceId: 'other-campaign', subjectId: other.id }),
    ])
    expect(results.map((result) => result.status)).toEqual(['accepted', 'accepted', 'accepted'])
    expect((await progress(mine.id)).totals).toMatchObject({ acknowledged: 1, not_due: 2, on_time: 0 })
    expect((await progress(other.id)).totals).toMatchObject({ acknowledged: 0, not_due: 1, on_time: 1 })
    const [filed] = await send('school2', [fireSafetyEnvelope({ schoolId: 'school-2', deviceId: 'for-mine', subjectId: mine.id })])
    const rows = (await progress(mine.id)).schools
    expect(rows.map((row) => [row.schoolId, row.filing, row.submissionId])).toEqual([['school-1', 'not_due', null], ['school-2', 'on_time', filed?.id]])
    const listed = (await server.app.inject({ method: 'GET', url: '/api/v1/campaigns', headers: as('bureau') })).json() as { campaigns: CampaignListItem[] }
    expect(listed.campaigns.find((item) => item.id === mine.id)).toMatchObject({ acknowledgedCount: 1, filedCount: 1 })
    expect(listed.campaigns.find((item) => item.id === other.id)).toMatchObject({ acknowledgedCount: 0, filedCount: 1 })
    const school1 = (await server.app.inject({ method: 'GET', url: '/api/v1/campaigns', headers: as('school1') })).json() as { campaigns: CampaignListItem[] }
    expect(school1.campaigns.find((item) => item.id === mine.id)?.filedAt).toBeNull()
    expect(school1.campaigns.find((item) => item.id === other.id)?.filedAt).toBe(now.toISOString())
    const sheet = await server.app.inject({ method: 'GET', url: `/api/v1/campaigns/${mine.id}/progress.csv`, headers: as('bureau') })
    expect(sheet.body.split('\n').filter((line) => line.includes('按时'))).toHaveLength(1)
  })

  it('refuses a report filed for a campaign not sent to the school, of another form, or naming no campaign', async () => {
    const elsewhere = await launchOk({ formId: 'fire-safety', audience: { schoolIds: ['school-2'] } })
    const buildings = await launchOk({ formId: 'school-buildings', audience: { schoolIds: ['school-1'] } })
    const fixed = await launchOk({ formId: 'fire-safety', formVersion: 1, audience: { schoolIds: ['school-1'] } })
    const results = await send('school1', [
      fireSafetyEnvelope({ subjectId: elsewhere.id }),
      fireSafetyEnvelope({ subjectId: buildings.id }),
      fireSafetyEnvelope({ subjectId: 'no-such-campaign' }),
      fireSafetyEnvelope({ subjectId: fixed.id }),
      fireSafetyEnvelope(),
    ])
    expect(results.map((result) => (result.status === 'rejected' ? result.error.details?.issues?.[0]?.code : result.status))).toEqual([
      'campaignUnknown', 'campaignFormMismatch', 'campaignUnknown', 'accepted', 'accepted',
    ])
    const refusal = results[1]
    expect(refusal).toMatchObject({ status: 'rejected', error: { code: 'validation_failed', details: { issues: [{ fieldId: 'subjectId' }] } } })
    expect(refusal?.status === 'rejected' ? refusal.error.message : '').toMatch(/^这份报告.* \/ This report/)
    // Nothing of a refused filing is stored.
    expect(await server.db.selectFrom('submissions').select('id').where('subject_id', 'in', [elsewhere.id, buildings.id, 'no-such-campaign']).execute()).toEqual([])
    // Another district's school cannot file for this district's campaign either: it looks like none.
    const [foreign] = await send('bureau2', [fireSafetyEnvelope({ schoolId: 'school-6', subjectId: fixed.id })])
    expect(foreign).toMatchObject({ status: 'rejected', error: { details: { issues: [{ code: 'campaignUnknown' }] } } })
  })

  it('exports progress to Excel with one row per target school', async () => {
    const campaign = await launchOk()
    const response = await server.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaign.id}/progress.xlsx`, headers: as('inspector') })
    expect(response.statusCode).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    expect(sheet?.rowCount).toBe(3)
    expect(sheet?.getRow(2).getCell(1).value).toBe('示范区第一小学')
    expect((await server.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaign.id}/progress.csv`, headers: as('school1') })).statusCode).toBe(403)
  })

  it('closing publishes a 通报 to the target schools, once', async () => {
    const campaign = await launchOk()
    const close = () => server.app.inject({ method: 'POST', url: `/api/v1/campaigns/${campaign.id}/close`, headers: as('bureau'), payload: { title: '专项检查情况通报', body: '两所学校均已完成自查。' } })
    const response = await close()
    expect(response.statusCode, response.body).toBe(200)
    const closed = response.json() as CloseCampaignResponse
    expect(closed.campaign).toMatchObject({ status: 'closed', summaryNoticeId: closed.notice.id })
    expect(closed.notice).toMatchObject({ kind: 'bulletin', campaignId: campaign.id, audience: { schoolIds: ['school-1', 'school-2'] } })
    const school2 = (await server.app.inject({ method: 'GET', url: '/api/v1/notices', headers: as('school2') })).json() as NoticesResponse
    expect(school2.notices.map((notice) => notice.id)).toContain(closed.notice.id)
    const again = await close()
    expect(again.statusCode).toBe(409)
    expect(await server.db.selectFrom('notices').select('id').where('campaign_id', '=', campaign.id).execute()).toHaveLength(1)
    expect((await server.app.inject({ method: 'POST', url: `/api/v1/campaigns/${campaign.id}/close`, headers: as('bureau2'), payload: { title: 'x', body: 'y' } })).statusCode).toBe(404)
  })

  it('refuses a bad campaign with 400 in both languages, never a 5xx', async () => {
    for (const payload of [
      { formId: 'no-such-form' },
      { formId: 'pledge-signing' },
      { formId: 'notice-read' },
      { formVersion: 99 },
      { opensOn: '2026-05-10', closesOn: '2026-05-01' },
      { opensOn: '2026-02-30' },
      { closesOn: '2028-05-10' },
      { title: ' ' },
      { audience: { schoolIds: ['school-6'] } },
      { instructionsFormat: 'html' },
    ]) {
      const response = await launch(payload)
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
      expect((response.json() as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/)
    }
    expect((await launch({}, 'inspector')).statusCode).toBe(403)
    expect((await launch({}, 'school1')).statusCode).toBe(403)
  })
})
