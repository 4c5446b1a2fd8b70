import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CampaignListItem, CampaignsResponse, NoticeListItem, NoticesResponse } from '../../src/core/noticeProtocol.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { receiptEnvelope } from './receiptEnvelopes.js'

type Page<T> = { readonly items: readonly T[]; readonly nextCursor: string | null }

describe.each(dialects)('notice and campaign lists a page at a time (%s)', (dialect) => {
  let server: TestServer
  const tokens: Record<string, string> = {}
  // Moved by hand: several rows share one time, so the id alone must keep the order.
  let now = new Date('2026-05-06T02:00:00.000Z')
  const tick = () => (now = new Date(now.getTime() + 60_000))

  beforeAll(async () => {
    server = await startServer(dialect, {}, { now: () => now })
    for (const [user, password] of [['school1', 'school123'], ['school2', 'school123'], ['bureau', 'bureau123'], ['inspector', 'inspector123']] as const) {
      tokens[user] = await server.login(user, password)
    }
  })
  afterAll(() => server.close())

  const as = (user: string) => bearer(tokens[user] ?? '')
  const get = (user: string, url: string) => server.app.inject({ method: 'GET', url, headers: as(user) })

  async function page<T>(user: string, list: 'notices' | 'campaigns', query: string): Promise<Page<T>> {
    const response = await get(user, `/api/v1/${list}?${query}`)
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json() as NoticesResponse & CampaignsResponse
    return { items: (list === 'notices' ? body.notices : body.campaigns) as readonly T[], nextCursor: body.nextCursor }
  }

  /** Every page, following nextCursor; each page checked against the page size. */
  async function allPages<T>(user: string, list: 'notices' | 'campaigns', limit: number): Promise<{ items: T[]; pages: number }> {
    const items: T[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const next: Page<T> = await page<T>(user, list, `limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`)
      expect(next.items.length).toBeLessThanOrEqual(limit)
      if (next.nextCursor !== null) expect(next.items).toHaveLength(limit)
      items.push(...next.items)
      cursor = next.nextCursor
      pages += 1
    } while (cursor !== null && pages < 100)
    return { items, pages }
  }

  async function publish(title: string, schoolIds: readonly string[]): Promise<NoticeListItem> {
    const response = await server.app.inject({
      method: 'POST', url: '/api/v1/notices', headers: as('bureau'),
      payload: { kind: 'notice', bodyFormat: 'text', title, body: '分页', audience: { schoolIds } },
    })
    expect(response.statusCode, response.body).toBe(201)
    return (response.json() as { notice: NoticeListItem }).notice
  }

  async function launch(title: string, schoolIds: readonly string[]): Promise<CampaignListItem> {
    const response = await server.app.inject({
      method: 'POST', url: '/api/v1/campaigns', headers: as('bureau'),
      payload: { title, instructions: '分页', formId: 'school-buildings', audience: { schoolIds }, opensOn: '2026-05-06', closesOn: '2026-05-20' },
    })
    expect(response.statusCode, response.body).toBe(201)
    return (response.json() as { campaign: CampaignListItem }).campaign
  }

  const newestFirst = (a: { time: string; id: string }, b: { time: string; id: string }) => (a.time === b.time ? (a.id < b.id ? 1 : -1) : a.time < b.time ? 1 : -1)

  it('notices: every page in order, newest first, each row once, to the last page whose cursor is null', async () => {
    // Three at one time, then two a minute later: ties and steps both.
    for (const n of [1, 2, 3]) await publish(`同时 ${n}`, ['school-1', 'school-2'])
    tick()
    for (const n of [4, 5]) await publish(`稍后 ${n}`, ['school-1'])
    tick()
    const whole = await page<NoticeListItem>('bureau', 'notices', 'limit=100')
    expect(whole.nextCursor).toBeNull()
    const { items, pages } = await allPages<NoticeListItem>('bureau', 'notices', 2)
    expect(pages).toBe(Math.ceil(whole.items.length / 2))
    expect(items.map((item) => item.id)).toEqual(whole.items.map((item) => item.id))
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length)
    const keys = items.map((item) => ({ time: item.publishedAt, id: item.id }))
    expect(keys).toEqual([...keys].sort(newestFirst))
    // The counts are read for each page's own notices.
    expect(items.filter((item) => item.title.startsWith('同时')).map((item) => item.targetCount)).toEqual([2, 2, 2])
  })

  it('a notice published between two pages shifts nothing: the next page starts after the last row seen', async () => {
    const first = await page<NoticeListItem>('bureau', 'notices', 'limit=3')
    await publish('翻页之间发布', ['school-1'])
    tick()
    const rest = await allPages<NoticeListItem>('bureau', 'notices', 100)
    const second = await page<NoticeListItem>('bureau', 'notices', `limit=100&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)
    const seen = [...first.items, ...second.items].map((item) => item.id)
    expect(second.items.map((item) => item.title)).not.toContain('翻页之间发布')
    expect(seen).toEqual(rest.items.map((item) => item.id).filter((id) => rest.items.find((item) => item.id === id)?.title !== '翻页之间发布'))
  })

  it('a school sees only its own notices on every page, with its own read time', async () => {
    const other = await publish('只发二中', ['school-2'])
    tick()
    const mine = await publish('只发一小', ['school-1'])
    tick()
    const [read] = (await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: as('school1'), payload: { submissions: [receiptEnvelope('notice', mine.id)] } })).json().results as { status: string }[]
    expect(read?.status).toBe('accepted')
    const targeted = new Set((await server.db.selectFrom('notice_targets').select('notice_id').where('school_id', '=', 'school-1').execute()).map((row) => row.notice_id))
    const { items, pages } = await allPages<NoticeListItem>('school1', 'notices', 2)
    expect(pages).toBeGreaterThan(2)
    expect(items.map((item) => item.id).sort()).toEqual([...targeted].sort())
    expect(items.map((item) => item.id)).not.toContain(other.id)
    expect(items.find((item) => item.id === mine.id)).toMatchObject({ readAt: expect.any(String), targetCount: null, readCount: null })
    expect((await allPages<NoticeListItem>('school2', 'notices', 2)).items.map((item) => item.id)).not.toContain(mine.id)
  })

  it('campaigns: every page in order for the bureau, and only its own for a school, with counts per campaign', async () => {
    for (const n of [1, 2]) await launch(`同时检查 ${n}`, ['school-1', 'school-2'])
    tick()
    for (const n of [3, 4]) await launch(`只查二中 ${n}`, ['school-2'])
    tick()
    const whole = await page<CampaignListItem>('bureau', 'campaigns', 'limit=100')
    const { items } = await allPages<CampaignListItem>('bureau', 'campaigns', 2)
    expect(items.map((item) => item.id)).toEqual(whole.items.map((item) => item.id))
    const keys = items.map((item) => ({ time: item.createdAt, id: item.id }))
    expect(keys).toEqual([...keys].sort(newestFirst))
    expect(items.filter((item) => item.title.startsWith('只查二中')).map((item) => item.targetCount)).toEqual([1, 1])
    const targeted = new Set((await server.db.selectFrom('campaign_targets').select('campaign_id').where('school_id', '=', 'school-1').execute()).map((row) => row.campaign_id))
    const school = await allPages<CampaignListItem>('school1', 'campaigns', 1)
    expect(school.pages).toBeGreaterThan(2)
    expect(school.items.map((item) => item.id).sort()).toEqual([...targeted].sort())
    expect(school.items.every((item) => item.targetCount === null && !item.title.startsWith('只查二中'))).toBe(true)
  })

  it('without a limit a page holds 50 at most; a limit of 0, over 100 or a bad cursor is a clear 400', async () => {
    for (let n = 0; n < 50; n++) await publish(`批量 ${n}`, ['school-1'])
    const first = await page<NoticeListItem>('inspector', 'notices', '')
    expect(first.items).toHaveLength(50)
    expect(first.nextCursor).not.toBeNull()
    for (const list of ['notices', 'campaigns']) {
      for (const query of ['limit=0', 'limit=101', 'limit=abc', 'cursor=', 'other=1']) {
        const response = await get('bureau', `/api/v1/${list}?${query}`)
        expect(response.statusCode, `${list}?${query}`).toBe(400)
      }
      for (const cursor of ['not-a-cursor', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2]').toString('base64url'), Buffer.from('["a"]').toString('base64url')]) {
        const response = await get('school1', `/api/v1/${list}?cursor=${cursor}`)
        expect(response.statusCode, `${list} ${cursor}`).toBe(400)
        expect(response.json()).toMatchObject({ error: { code: 'bad_request', message: 'The cursor is not valid' } })
      }
    }
  })
})
