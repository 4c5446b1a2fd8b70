import { createHmac } from 'node:crypto'
import type { Kysely } from 'kysely'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../src/server/db/schema.js'
import { deliverDue, type DeliveryDeps } from '../../src/server/services/outbound/deliver-outbound.js'
import { claimDue, enqueueMessage, markSent, retryDead } from '../../src/server/services/outbound/outbound-queue.js'
import { dialects, startServer, type TestServer } from './harness.js'
import { startReceiver, type Receiver } from './webhookReceiver.js'

const KEY = 'a1b2c3d4-e5f6-4789-abcd-0123456789ff'
const SECRET = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd'
const message = { title: '【催报】消防安全自查 2026-10', text: '### 催报\n- 城关一中' }
const start = new Date('2026-11-06T02:00:00.000Z')

describe.each(dialects)('outbound delivery (%s)', (dialect) => {
  let server: TestServer
  let db: Kysely<Database>
  let receiver: Receiver
  let clock: Date
  let seq = 0

  const deps = (overrides: Partial<DeliveryDeps> = {}): DeliveryDeps => ({
    maxAttempts: 3, leaseMs: 60_000, backoff: { baseMs: 30_000, maxMs: 3_600_000 }, random: () => 0.5, timeoutMs: 10_000, now: () => clock, ...overrides,
  })
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms))
  const row = (id: string) => db.selectFrom('outbound_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

  async function robot(channel: 'wecom' | 'dingtalk', secret: string | null = null): Promise<string> {
    const id = `district:district-1:${channel}:${seq++}`
    const url = channel === 'wecom' ? `${receiver.origin}/cgi-bin/webhook/send?key=${KEY}` : `${receiver.origin}/robot/send?access_token=${KEY}`
    await db.insertInto('webhooks').values({ id, district_id: 'district-1', school_id: null, channel, url, secret, set_by: null, set_at: clock.toISOString() }).execute()
    return id
  }
  async function queue(webhookId: string, channel: 'wecom' | 'dingtalk' = 'wecom', dedupKey = `test:${seq++}`): Promise<string> {
    return (await enqueueMessage(db, { dedupKey, districtId: 'district-1', webhookId, channel, message, reminderIds: [] }, clock)).id
  }

  beforeAll(async () => {
    server = await startServer(dialect)
    db = server.db
  }, 60_000)
  afterAll(() => server.close())
  beforeEach(async () => {
    receiver = await startReceiver()
    clock = start
    await db.deleteFrom('outbound_messages').execute()
  })
  afterEach(() => receiver.close())

  it('posts 企业微信 markdown once and marks the message sent', async () => {
    const id = await queue(await robot('wecom'))
    expect(await deliverDue(db, deps())).toEqual({ sent: 1, retrying: 0, dead: 0 })
    expect(receiver.received).toHaveLength(1)
    expect(receiver.received[0]?.url.searchParams.get('key')).toBe(KEY)
    expect(receiver.received[0]?.body).toEqual({ msgtype: 'markdown', markdown: { content: message.text } })
    expect(await row(id)).toMatchObject({ state: 'sent', attempts: 1, sent_at: start.toISOString(), claim_token: null })
    expect(await deliverDue(db, deps())).toEqual({ sent: 0, retrying: 0, dead: 0 })
    expect(receiver.received).toHaveLength(1)
  })

  it('signs a 钉钉 message with timestamp and HmacSHA256 sign when the robot has a secret', async () => {
    await queue(await robot('dingtalk', SECRET), 'dingtalk')
    expect((await deliverDue(db, deps())).sent).toBe(1)
    const [got] = receiver.received
    const timestamp = got?.url.searchParams.get('timestamp')
    expect(timestamp).toBe(String(start.getTime()))
    expect(got?.url.searchParams.get('sign')).toBe(createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64'))
    expect(got?.url.searchParams.get('access_token')).toBe(KEY)
    expect(got?.body).toEqual({ msgtype: 'markdown', markdown: { title: message.title, text: message.text } })
  })

  it('retries a 500 on a doubling full-jitter schedule, then leaves a dead letter the bureau can retry', async () => {
    receiver.mode = 'http500'
    const id = await queue(await robot('wecom'))
    const waits: number[] = []
    for (let attempt = 1; attempt <= 3; attempt++) {
      await deliverDue(db, deps())
      const after = await row(id)
      expect(after.attempts).toBe(attempt)
      expect(after.last_error).toBe('HTTP 500')
      waits.push(Date.parse(after.next_attempt_at) - clock.getTime())
      // Not due a moment before its time…
      advance(Date.parse(after.next_attempt_at) - clock.getTime() - 1)
      expect((await deliverDue(db, deps())).retrying + (await row(id)).attempts).toBe(attempt)
      advance(1)
    }
    // random 0.5 × 30 s doubling: 15 s, 30 s; the third failure is the last try.
    expect(waits.slice(0, 2)).toEqual([15_000, 30_000])
    expect((await row(id)).state).toBe('dead')
    expect(receiver.received).toHaveLength(3)
    await deliverDue(db, deps())
    expect(receiver.received).toHaveLength(3)

    receiver.mode = 'ok'
    expect(await retryDead(db, id, clock)).toBe(true)
    expect(await retryDead(db, id, clock)).toBe(false)
    expect((await deliverDue(db, deps())).sent).toBe(1)
    expect(await row(id)).toMatchObject({ state: 'sent', attempts: 1 })
  })

  it('keeps retrying on errcode ≠ 0, and waits at least a minute when the robot says too fast', async () => {
    receiver.mode = 'errcode'
    const id = await queue(await robot('wecom'))
    await deliverDue(db, deps())
    expect(await row(id)).toMatchObject({ state: 'retrying', last_error: 'errcode 93000: invalid webhook url' })
    advance(60_000)
    receiver.mode = 'rateLimited'
    await deliverDue(db, deps())
    const limited = await row(id)
    expect(limited.last_error).toContain('45009')
    expect(Date.parse(limited.next_attempt_at) - clock.getTime()).toBe(60_000)
  })

  it('gives up a try on a receiver that never answers (timeout) or drops the connection', async () => {
    receiver.mode = 'hang'
    const hung = await queue(await robot('wecom'))
    await deliverDue(db, deps({ timeoutMs: 200 }))
    expect(await row(hung)).toMatchObject({ state: 'retrying', last_error: 'timeout after 200 ms' })
    receiver.mode = 'close'
    const dropped = await queue(await robot('wecom'))
    await deliverDue(db, deps())
    const after = await row(dropped)
    expect(after.state).toBe('retrying')
    expect(after.last_error).toMatch(/^network error/)
  })

  it('queues one message per dedup key, however often it is asked', async () => {
    const webhook = await robot('wecom')
    const first = await queue(webhook, 'wecom', 'same-key')
    const second = await queue(webhook, 'wecom', 'same-key')
    expect(second).toBe(first)
    expect(await db.selectFrom('outbound_messages').select('id').execute()).toHaveLength(1)
  })

  it('a worker killed after claiming, before sending: nobody sends until the lease ends, then one resend', async () => {
    const id = await queue(await robot('wecom'))
    const [claim] = await claimDue(db, deps(), clock, 10)
    expect(claim?.id).toBe(id)
    // The worker "dies" here. Another instance, within the lease, leaves the row alone.
    const other = server.anotherDatabase()
    advance(59_000)
    expect(await deliverDue(other, deps())).toEqual({ sent: 0, retrying: 0, dead: 0 })
    advance(1_000)
    expect((await deliverDue(other, deps())).sent).toBe(1)
    expect(receiver.received).toHaveLength(1)
    // The dead worker's late mark changes nothing: its claim was taken over.
    expect(await markSent(db, claim!, clock)).toBe(false)
    expect(await row(id)).toMatchObject({ state: 'sent', attempts: 2 })
  })

  it('a worker killed after sending, before marking: the lease makes it one resend, never more (at least once)', async () => {
    await queue(await robot('wecom'))
    const [claim] = await claimDue(db, deps(), clock, 10)
    // It sent (the group got it) and died before marking: we cannot know the post arrived.
    await fetch(`${receiver.origin}/cgi-bin/webhook/send?key=${KEY}`, { method: 'POST', body: JSON.stringify({ msgtype: 'markdown', markdown: { content: message.text } }) })
    expect(claim).toBeDefined()
    advance(60_000)
    for (let tick = 0; tick < 5; tick++) {
      await deliverDue(db, deps())
      advance(60_000)
    }
    expect(receiver.received).toHaveLength(2)
  })

  it('a worker that crashes on every try still ends in a dead letter', async () => {
    const id = await queue(await robot('wecom'))
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await claimDue(db, deps(), clock, 10)).toHaveLength(1)
      advance(60_000)
    }
    expect(await claimDue(db, deps(), clock, 10)).toHaveLength(0)
    expect(await row(id)).toMatchObject({ state: 'dead', last_error: 'the worker stopped during the last try' })
  })

  it('two instances draining at once send every message exactly once', async () => {
    const webhook = await robot('wecom')
    for (let n = 0; n < 12; n++) await queue(webhook)
    const other = server.anotherDatabase()
    const [a, b] = await Promise.all([deliverDue(db, deps(), 50), deliverDue(other, deps(), 50)])
    expect(a.sent + b.sent).toBe(12)
    expect(receiver.received).toHaveLength(12)
  })

  it('a removed robot turns its waiting message into a dead letter at once', async () => {
    const webhook = await robot('wecom')
    const id = await queue(webhook)
    await db.deleteFrom('webhooks').where('id', '=', webhook).execute()
    await deliverDue(db, deps())
    expect(await row(id)).toMatchObject({ state: 'dead', last_error: 'the robot was removed' })
    expect(receiver.received).toHaveLength(0)
  })
})
