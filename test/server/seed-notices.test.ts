import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CampaignsResponse, NoticesResponse } from '../../src/core/noticeProtocol.js'
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
})
