import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CampaignListItem, NoticeListItem } from '../../src/core/noticeProtocol.js'
import type { User } from '../../src/core/protocol.js'
import type { TodoItem } from '../../src/core/todo.js'
import { campaignSource } from '../../src/server/services/todo/campaign-source.js'
import { noticeSource } from '../../src/server/services/todo/notice-source.js'
import { todoSources } from '../../src/server/services/todo/sources.js'
import { fireSafetyEnvelope } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { receiptEnvelope } from './receiptEnvelopes.js'

describe.each(dialects)('notices and campaigns on the 待办 (%s)', (dialect) => {
  let server: TestServer
  const tokens: Record<string, string> = {}
  const now = new Date('2026-05-06T02:00:00.000Z')
  const staff: User = { id: 'user-school1', username: 'school1', displayName: '第一小学安全员', role: 'staff', schoolId: 'school-1', districtId: 'district-1' }

  beforeAll(async () => {
    server = await startServer(dialect, {}, { now: () => now })
    for (const [user, password] of [['school1', 'school123'], ['bureau', 'bureau123']] as const) tokens[user] = await server.login(user, password)
  })
  afterAll(() => server.close())

  const context = () => ({ db: server.db, user: staff, schoolId: 'school-1', districtId: 'district-1', now })
  const post = async (user: string, url: string, payload: unknown) => server.app.inject({ method: 'POST', url, headers: bearer(tokens[user] ?? ''), payload: payload as Record<string, unknown> })
  const keys = (items: readonly TodoItem[]) => items.map((item) => item.key)

  it('both sources are registered', () => {
    expect(todoSources).toContain(noticeSource)
    expect(todoSources).toContain(campaignSource)
  })

  it('an unread notice is on the list until this person reads it', async () => {
    const { notice } = (await post('bureau', '/api/v1/notices', { title: '待读通知', body: '正文', audience: { schoolIds: ['school-1'] } })).json() as { notice: NoticeListItem }
    const other = (await post('bureau', '/api/v1/notices', { title: '别校通知', body: '正文', audience: { schoolIds: ['school-2'] } })).json() as { notice: NoticeListItem }
    const before = await noticeSource(context())
    expect(before.find((item) => item.key === `notice:${notice.id}`)).toEqual({ key: `notice:${notice.id}`, kind: 'notice', title: { zh: '待读通知', en: '待读通知' }, dueAt: null, link: `/notices/${notice.id}`, noticeId: notice.id })
    expect(keys(before)).not.toContain(`notice:${other.notice.id}`)
    await post('school1', '/api/v1/submissions', { submissions: [receiptEnvelope('notice', notice.id)] })
    expect(keys(await noticeSource(context()))).not.toContain(`notice:${notice.id}`)
  })

  it('a campaign asks for 已阅 first, then its checklist until filed, then leaves', async () => {
    const launched = await post('bureau', '/api/v1/campaigns', {
      title: '汛期专项', instructions: '部署', formId: 'fire-safety', audience: { schoolIds: ['school-1'] }, opensOn: '2026-05-06', closesOn: '2026-05-10',
    })
    const { campaign } = launched.json() as { campaign: CampaignListItem }
    const first = (await campaignSource(context())).find((item) => item.key === `campaign:${campaign.id}`)
    expect(first).toEqual({ key: `campaign:${campaign.id}`, kind: 'campaign', title: { zh: '汛期专项', en: '汛期专项' }, dueAt: '2026-05-10T23:59:59+08:00', link: `/campaigns/${campaign.id}`, campaignId: campaign.id })

    await post('school1', '/api/v1/submissions', { submissions: [receiptEnvelope('campaign', campaign.id)] })
    const afterAck = (await campaignSource(context())).filter((item) => item.key.endsWith(campaign.id))
    expect(afterAck).toEqual([expect.objectContaining({
      key: `campaign-report:${campaign.id}`, kind: 'report', formId: 'fire-safety', period: '2026-05', campaignId: campaign.id,
      link: `/new/fire-safety?period=2026-05&campaign=${campaign.id}`, dueAt: '2026-05-10T23:59:59+08:00',
    })])

    // A routine report of the same form is not the campaign's: the checklist stays on the list.
    await post('school1', '/api/v1/submissions', { submissions: [fireSafetyEnvelope({ schoolId: 'school-1', deviceId: 'routine' })] })
    expect(keys(await campaignSource(context()))).toContain(`campaign-report:${campaign.id}`)
    await post('school1', '/api/v1/submissions', { submissions: [fireSafetyEnvelope({ schoolId: 'school-1', deviceId: 'campaign-filing', subjectId: campaign.id })] })
    expect((await campaignSource(context())).filter((item) => item.key.endsWith(campaign.id))).toEqual([])
  })

  it('a closed campaign leaves the list', async () => {
    const { campaign } = (await post('bureau', '/api/v1/campaigns', {
      title: '将结束', instructions: '部署', formId: 'fire-safety', audience: { schoolIds: ['school-1'] }, opensOn: '2026-05-06', closesOn: '2026-05-10',
    })).json() as { campaign: CampaignListItem }
    expect(keys(await campaignSource(context()))).toContain(`campaign:${campaign.id}`)
    await post('bureau', `/api/v1/campaigns/${campaign.id}/close`, { title: '通报', body: '结束' })
    expect(keys(await campaignSource(context()))).not.toContain(`campaign:${campaign.id}`)
  })
})
