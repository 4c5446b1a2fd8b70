import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CampaignProgressResponse, CampaignsResponse, NoticesResponse } from '../../src/core/noticeProtocol.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

describe.each(dialects)('demo seed: a running campaign and a notice (%s)', (dialect) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer(dialect)
  })
  afterAll(() => server.close())

  it('school1 sees 汛期前校舍安全专项检查 open on the school-buildings checklist, and one unread notice', async () => {
    const headers = bearer(await server.login('school1', 'school123'))
    const { campaigns } = (await server.app.inject({ method: 'GET', url: '/api/v1/campaigns', headers })).json() as CampaignsResponse
    expect(campaigns).toEqual([expect.objectContaining({ title: '汛期前校舍安全专项检查', formId: 'school-buildings', status: 'open', acknowledgedAt: null })])
    const { notices } = (await server.app.inject({ method: 'GET', url: '/api/v1/notices', headers })).json() as NoticesResponse
    expect(notices).toEqual([expect.objectContaining({ kind: 'notice', readAt: null })])
  })

  it('实验初中 has acknowledged the campaign and filed its checklist for it: the bureau sees one school filed on time', async () => {
    const headers = bearer(await server.login('bureau', 'bureau123'))
    const { campaigns } = (await server.app.inject({ method: 'GET', url: '/api/v1/campaigns', headers })).json() as CampaignsResponse
    const campaign = campaigns.find((item) => item.title === '汛期前校舍安全专项检查')
    expect(campaign).toMatchObject({ targetCount: 5, acknowledgedCount: 1, filedCount: 1 })
    const progress = (await server.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaign?.id ?? ''}/progress`, headers })).json() as CampaignProgressResponse
    expect(progress.schools.filter((row) => row.filing === 'on_time').map((row) => [row.schoolId, row.acknowledgedBy])).toEqual([['school-2', '实验初中安全员']])
    expect(progress.totals).toMatchObject({ targets: 5, acknowledged: 1, on_time: 1, not_due: 4 })
  })
})
