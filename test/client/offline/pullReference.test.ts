import { describe, expect, it } from 'vitest'
import type { CampaignListItem, NoticeListItem } from '../../../src/core/noticeProtocol.js'
import type { Hazard } from '../../../src/core/protocol.js'
import type { TodoItem } from '../../../src/core/todo.js'
import { SESSION_KEY } from '../../../src/client/offline/offlineServices.js'
import { PULLED_KEYS, pullReference } from '../../../src/client/offline/pullReference.js'
import { createFakeServer } from './fakeServer.js'
import { freshStores } from './harness.js'

describe('pulling the reference lists', () => {
  it('asks for the seven lists together: on a slow line each waits one round trip, not seven', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    let asked = 0
    let allAsked = (): void => undefined
    const together = new Promise<void>((resolve) => (allAsked = resolve))
    let answeredBeforeAllAsked = 0
    // Each answer waits until all seven requests are out; asked one after another, each would give up
    // waiting after 100 ms and answer with fewer than seven out.
    const wait = async (): Promise<void> => {
      if (++asked === 7) allAsked()
      const all = await Promise.race([together.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 100))])
      if (!all) answeredBeforeAllAsked += 1
    }
    for (const name of ['fetchForms', 'fetchSchools', 'fetchHazards', 'fetchLatestReports', 'fetchTodo', 'fetchNotices', 'fetchCampaigns'] as const) {
      const fetch = server[name].bind(server) as (etag?: string) => Promise<never>
      server[name] = async (etag?: string) => {
        await wait()
        return fetch(etag)
      }
    }
    const outcome = await pullReference(stores, server)
    expect(outcome.kind).toBe('done')
    expect(answeredBeforeAllAsked).toBe(0)
    expect(asked).toBe(7)
    expect(await stores.meta.getItem('etag:reports')).toBe('"reports-1"')
  })

  it('a list that fails on the network keeps the lists before it and reports a retry', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    server.fail('pull', { kind: 'status', status: 503 })
    // The first pull call (forms) fails; schools, hazards and reports arrive but come after it.
    const outcome = await pullReference(stores, server)
    expect(outcome).toEqual({ kind: 'retry', pulled: {} })
    expect(await stores.meta.getItem('etag:forms')).toBeNull()
  })

  it('sends no ETag for a list the phone no longer holds, and so gets the list again', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    await pullReference(stores, server)
    // A sign-out cut short: the forms list is gone, its ETag is not.
    await stores.meta.removeItem('forms')
    expect(await stores.meta.getItem('etag:forms')).toBe('"forms-1"')
    server.calls.length = 0
    const outcome = await pullReference(stores, server)
    expect(outcome).toMatchObject({ kind: 'done', pulled: { forms: [] } })
    expect(server.calls.find((call) => call.op === 'pull' && call.what === 'forms')).toEqual({ op: 'pull', what: 'forms' })
    expect(server.calls.find((call) => call.op === 'pull' && call.what === 'schools')).toMatchObject({ etag: '"schools-1"' })
    expect(await stores.meta.getItem('forms')).toEqual([])
  })

  const hazard = (n: number): Hazard => ({
    id: `h${n}`, schoolId: 's1', submissionId: `sub${n}`, formId: 'fire-safety', fieldId: 'exits', description: `hazard ${n}`,
    severity: 'low', deadline: '2026-12-31', status: 'open', createdAt: '2026-11-01T00:00:00.000Z', responsible: null, photos: [],
    updatedAt: '2026-11-01T00:00:00.000Z', history: [],
  })

  it('follows the hazards cursor to the last page: a district longer than one page arrives whole', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    server.hazards.push(...Array.from({ length: 7 }, (_, n) => hazard(n)))
    server.pageSize = 3
    const outcome = await pullReference(stores, server)
    expect(outcome.kind).toBe('done')
    expect(((await stores.meta.getItem<Hazard[]>('hazards')) ?? []).map((each) => each.id)).toEqual(['h0', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
    expect(server.calls.filter((call) => call.op === 'pull' && call.what === 'hazards')).toEqual([
      { op: 'pull', what: 'hazards' },
      { op: 'pull', what: 'hazards', cursor: '3' },
      { op: 'pull', what: 'hazards', cursor: '6' },
    ])
  })

  it('a hazards page lost on the network keeps the whole list the phone held, not half of a new one', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    server.hazards.push(hazard(0))
    await pullReference(stores, server)
    server.hazards.push(hazard(1), hazard(2))
    server.pageSize = 2
    const fetch = server.fetchHazards.bind(server)
    server.fetchHazards = async (cursor) => (cursor === undefined ? fetch(cursor) : { kind: 'retry', reason: 'connection reset' })
    const outcome = await pullReference(stores, server)
    expect(outcome.kind).toBe('retry')
    expect(((await stores.meta.getItem<Hazard[]>('hazards')) ?? []).map((each) => each.id)).toEqual(['h0'])
  })

  const notice = (n: number) => ({ id: `n${n}`, title: `notice ${n}` }) as NoticeListItem
  const campaign = (n: number) => ({ id: `c${n}`, title: `campaign ${n}` }) as CampaignListItem
  const ids = async (stores: ReturnType<typeof freshStores>['stores'], key: string) => ((await stores.meta.getItem<{ id: string }[]>(key)) ?? []).map((each) => each.id)
  const pulledOf = (server: ReturnType<typeof createFakeServer>, what: string) => server.calls.flatMap((call) => (call.op === 'pull' && call.what === what ? [call] : []))

  it('follows the notices and campaigns cursors to the last page and keeps both lists whole for offline reading', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    server.notices.push(...Array.from({ length: 5 }, (_, n) => notice(n)))
    server.campaigns.push(...Array.from({ length: 4 }, (_, n) => campaign(n)))
    server.pageSize = 2
    const outcome = await pullReference(stores, server)
    expect(outcome).toMatchObject({ kind: 'done', pulled: { notices: server.notices, campaigns: server.campaigns } })
    expect(await ids(stores, 'notices')).toEqual(['n0', 'n1', 'n2', 'n3', 'n4'])
    expect(await ids(stores, 'campaigns')).toEqual(['c0', 'c1', 'c2', 'c3'])
    expect(pulledOf(server, 'notices').map((call) => call.cursor)).toEqual([undefined, '2', '4'])
    expect(pulledOf(server, 'campaigns').map((call) => call.cursor)).toEqual([undefined, '2'])
    // The same lists again are no change to report.
    expect(await pullReference(stores, server)).toEqual({ kind: 'done', pulled: {} })
  })

  it('a campaigns page lost on the network keeps the campaigns the phone held, and the notices pulled beside them', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    server.campaigns.push(campaign(0))
    await pullReference(stores, server)
    server.notices.push(notice(0))
    server.campaigns.push(campaign(1), campaign(2))
    server.pageSize = 2
    const fetch = server.fetchCampaigns.bind(server)
    server.fetchCampaigns = async (cursor) => (cursor === undefined ? fetch(cursor) : { kind: 'retry', reason: 'connection reset' })
    expect((await pullReference(stores, server)).kind).toBe('retry')
    expect(await ids(stores, 'campaigns')).toEqual(['c0'])
    expect(await ids(stores, 'notices')).toEqual(['n0'])
  })

  it('an account with no school (the bureau, an inspector) pulls no notices or campaigns, and the other lists as before', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    server.notices.push(notice(0))
    await stores.meta.setItem(SESSION_KEY, { token: 't', expiresAt: '2027-01-01T00:00:00.000Z', user: { id: 'u-bureau', role: 'bureau', schoolId: null, districtId: 'd1' } })
    const outcome = await pullReference(stores, server)
    expect(outcome).toMatchObject({ kind: 'done', pulled: { forms: [], hazards: [] } })
    expect(pulledOf(server, 'notices')).toEqual([])
    expect(pulledOf(server, 'campaigns')).toEqual([])
    expect(await stores.meta.getItem('notices')).toBeNull()
    await stores.meta.setItem(SESSION_KEY, { token: 't', expiresAt: '2027-01-01T00:00:00.000Z', user: { id: 'u1', role: 'staff', schoolId: 's1', districtId: 'd1' } })
    await pullReference(stores, server)
    expect(await ids(stores, 'notices')).toEqual(['n0'])
  })

  it('pulls only the lists it is asked for (a screen refreshing its own)', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    server.campaigns.push(campaign(0))
    const outcome = await pullReference(stores, server, ['notices', 'campaigns'])
    expect(outcome).toEqual({ kind: 'done', pulled: { notices: [], campaigns: [campaign(0)] } })
    expect(server.calls.map((call) => (call.op === 'pull' ? call.what : call.op))).toEqual(['notices', 'campaigns'])
    expect(PULLED_KEYS).toEqual(expect.arrayContaining(['notices', 'campaigns']))
  })

  const pledgeItem: TodoItem = { key: 'pledge:p@1', kind: 'pledge', title: { zh: '责任书', en: 'Pledge' }, dueAt: '2026-12-31T23:59:59+08:00', link: '/pledges/p%401/sign', versionId: 'p@1' }

  it('keeps the 待办 items with their ETag, and sends the ETag next time', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    server.fetchTodo = async () => ({ kind: 'ok', value: { items: [pledgeItem], generatedAt: '2026-12-01T00:00:00.000Z' }, etag: '"todo-2"' })
    const outcome = await pullReference(stores, server)
    expect(outcome).toMatchObject({ kind: 'done', pulled: { todo: [pledgeItem] } })
    expect(await stores.meta.getItem('todo')).toEqual([pledgeItem])
    expect(await stores.meta.getItem('etag:todo')).toBe('"todo-2"')
    let sent: string | undefined
    server.fetchTodo = async (etag) => {
      sent = etag
      return { kind: 'not_modified' }
    }
    await pullReference(stores, server)
    expect(sent).toBe('"todo-2"')
    expect(await stores.meta.getItem('todo')).toEqual([pledgeItem])
  })

  it('a 403 on the 待办 (the district\'s people) skips it and keeps the other lists', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    server.fetchTodo = async () => ({ kind: 'failed', error: { code: 'forbidden', message: 'school accounts only' } })
    const outcome = await pullReference(stores, server)
    expect(outcome.kind).toBe('done')
    expect(await stores.meta.getItem('todo')).toBeNull()
    expect(await stores.meta.getItem('forms')).toEqual([])
  })
})
