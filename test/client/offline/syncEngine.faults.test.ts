import { describe, expect, it } from 'vitest'
import { getRecord } from '../../../src/client/offline/outbox.js'
import { createFakeServer } from './fakeServer.js'
import { engineFor, freshStores, queueRecord } from './harness.js'

describe('sync engine: faults only delay', () => {
  it('a reply lost after the server committed: retry, duplicate, sent — the server holds one', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const record = await queueRecord(stores)
    server.fail('submit', { kind: 'drop_response' })
    const { engine, clock } = engineFor(stores, server, { random: () => 0.5 })

    expect((await engine.syncNow('test')).retried).toBe(1)
    const waiting = await getRecord(stores, record.id)
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: clock.now() + 1_000 })
    expect(server.submissions.size).toBe(1)

    clock.advance(1_000)
    expect((await engine.syncNow('test')).duplicate).toBe(1)
    const sent = await getRecord(stores, record.id)
    expect(sent).toMatchObject({ state: 'sent', receipt: { status: 'duplicate', digest: server.submissions.get(record.id)?.digest } })
    expect(sent?.lastError).toBeUndefined()
    expect(server.submissions.size).toBe(1)
    expect(server.submitCalls()).toEqual([[record.id], [record.id]])
  })

  it('a request lost on the way out stores nothing and is retried', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const record = await queueRecord(stores)
    server.fail('submit', { kind: 'drop_request' })
    const { engine, clock } = engineFor(stores, server)
    await engine.syncNow('test')
    expect(server.submissions.size).toBe(0)
    clock.advance(5_000)
    expect((await engine.syncNow('test')).sent).toBe(1)
    expect((await getRecord(stores, record.id))?.receipt?.status).toBe('accepted')
  })

  it('a 500 backs off with full jitter and nothing is tried before it is due', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const record = await queueRecord(stores)
    server.fail('submit', { kind: 'status', status: 500 }, { kind: 'status', status: 503 })
    const { engine, clock } = engineFor(stores, server, { random: () => 0.999 })

    const failedAt = clock.now()
    await engine.syncNow('test')
    const first = await getRecord(stores, record.id)
    expect(first?.state).toBe('queued')
    expect(first?.attempts).toBe(1)
    // First retry: within (now, now + 2 s).
    expect(first?.nextAttemptAt).toBeGreaterThan(failedAt)
    expect(first?.nextAttemptAt).toBeLessThan(failedAt + 2_000)
    expect(engine.state()).toEqual({ kind: 'waiting', nextAttemptAt: first?.nextAttemptAt })
    expect(engine.nextWakeAt()).toBe(first?.nextAttemptAt)

    clock.set((first?.nextAttemptAt ?? 0) - 1)
    expect((await engine.syncNow('too early')).sent).toBe(0)
    expect(server.submitCalls().length).toBe(1)

    clock.set(first?.nextAttemptAt ?? 0)
    await engine.syncNow('due')
    expect(server.submitCalls().length).toBe(2)
    const second = await getRecord(stores, record.id)
    // Second retry: the ceiling doubled to 4 s.
    expect(second?.attempts).toBe(2)
    expect(second?.nextAttemptAt).toBeGreaterThan(clock.now() + 2_000)
    expect(second?.nextAttemptAt).toBeLessThan(clock.now() + 4_000)

    clock.set(second?.nextAttemptAt ?? 0)
    expect((await engine.syncNow('due')).sent).toBe(1)
    expect(engine.state()).toEqual({ kind: 'idle' })
    expect(engine.nextWakeAt()).toBeNull()
  })

  it('a record waiting out its backoff is sent at once when the person asks or the signal returns, not by the timer', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const record = await queueRecord(stores)
    server.fail('submit', { kind: 'status', status: 503 })
    const { engine } = engineFor(stores, server, { random: () => 0.999 })
    await engine.syncNow('timer')
    expect((await getRecord(stores, record.id))?.state).toBe('queued')

    expect((await engine.syncNow('timer')).sent).toBe(0)
    expect((await engine.syncNow('visible')).sent).toBe(0)
    expect(server.submitCalls()).toHaveLength(1)
    expect((await engine.syncNow('online')).sent).toBe(1)
    expect((await getRecord(stores, record.id))?.state).toBe('sent')
  })

  it('a 429 waits at least as long as Retry-After says', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const record = await queueRecord(stores)
    server.fail('submit', { kind: 'too_many', retryAfterMs: 30_000 })
    const { engine, clock } = engineFor(stores, server, { random: () => 0.3 })
    const at = clock.now()
    await engine.syncNow('test')
    expect(await getRecord(stores, record.id)).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: at + 30_000 })
    clock.advance(29_999)
    await engine.syncNow('early')
    expect(server.submitCalls().length).toBe(1)
    clock.advance(1)
    expect((await engine.syncNow('due')).sent).toBe(1)
  })

  it('a 401 pauses sync with the queue intact; after resume() the record is sent', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    const first = await queueRecord(stores)
    const second = await queueRecord(stores, { now: first.nextAttemptAt + 1 })
    server.fail('submit', { kind: 'unauthorized' })
    const { engine } = engineFor(stores, server)

    const paused = await engine.syncNow('test')
    expect(paused.sent).toBe(0)
    expect(engine.state()).toEqual({ kind: 'paused_auth' })
    for (const id of [first.id, second.id]) {
      expect(await getRecord(stores, id)).toMatchObject({ state: 'queued', attempts: 0 })
    }
    expect(engine.nextWakeAt()).toBeNull()

    const callsBefore = server.calls.length
    expect(await engine.syncNow('still signed out')).toMatchObject({ skipped: 'paused_auth' })
    expect(server.calls.length).toBe(callsBefore)

    engine.resume()
    expect((await engine.syncNow('signed in')).sent).toBe(2)
    expect(engine.state()).toEqual({ kind: 'idle' })
  })

  it('a 401 while pulling pauses before anything is sent', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    await queueRecord(stores)
    server.fail('pull', { kind: 'unauthorized' })
    const { engine } = engineFor(stores, server, { extra: { onPulled: () => undefined } })
    await engine.syncNow('test')
    expect(engine.state()).toEqual({ kind: 'paused_auth' })
    expect(server.submitCalls()).toEqual([])
  })

  it('a network failure while pulling does not stop the queue from being sent', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    await queueRecord(stores)
    server.fail('pull', { kind: 'drop_request' })
    const { engine } = engineFor(stores, server, { extra: { onPulled: () => undefined } })
    expect((await engine.syncNow('test')).sent).toBe(1)
  })
})
