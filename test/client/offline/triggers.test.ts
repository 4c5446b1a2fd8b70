import { describe, expect, it } from 'vitest'
import type { SyncEngine, SyncState } from '../../../src/client/offline/syncEngine.js'
import { installSyncTriggers, type SyncTriggerTargets } from '../../../src/client/offline/triggers.js'

function fakeEngine() {
  const reasons: string[] = []
  const listeners = new Set<(state: SyncState) => void>()
  let wake: number | null = null
  const engine: SyncEngine = {
    syncNow: async (reason) => {
      reasons.push(reason)
      return { sent: 0, duplicate: 0, rejected: 0, conflict: 0, retried: 0, uploadedBlobs: 0 }
    },
    state: () => ({ kind: 'idle' }),
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    resume: () => undefined,
    nextWakeAt: () => wake,
  }
  return {
    engine,
    reasons,
    setWake: (at: number | null) => (wake = at),
    emit: (state: SyncState) => listeners.forEach((listener) => listener(state)),
    listenerCount: () => listeners.size,
  }
}

function fakePage(now: () => number) {
  const timers = new Map<number, { at: number; run: () => void }>()
  let nextId = 1
  const win = new EventTarget() as EventTarget & Pick<Window, 'setTimeout' | 'clearTimeout'>
  win.setTimeout = ((run: () => void, delay?: number) => {
    timers.set(nextId, { at: now() + (delay ?? 0), run })
    return nextId++
  }) as Window['setTimeout']
  win.clearTimeout = ((id?: number) => void timers.delete(id ?? 0)) as Window['clearTimeout']
  const doc = Object.assign(new EventTarget(), { visibilityState: 'hidden' as DocumentVisibilityState })
  return { win, doc, timers, pending: () => [...timers.values()].map((timer) => timer.at) }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('sync triggers', () => {
  it('syncs on start, on online and when the page becomes visible; dispose removes them', async () => {
    const fake = fakeEngine()
    const page = fakePage(() => 0)
    const dispose = installSyncTriggers(fake.engine, { window: page.win, document: page.doc } as unknown as SyncTriggerTargets)
    await flush()
    expect(fake.reasons).toEqual(['start'])

    page.win.dispatchEvent(new Event('online'))
    page.doc.dispatchEvent(new Event('visibilitychange'))
    page.doc.visibilityState = 'visible'
    page.doc.dispatchEvent(new Event('visibilitychange'))
    await flush()
    expect(fake.reasons).toEqual(['start', 'online', 'visible'])

    dispose()
    page.win.dispatchEvent(new Event('online'))
    await flush()
    expect(fake.reasons.length).toBe(3)
    expect(page.timers.size).toBe(0)
    expect(fake.listenerCount()).toBe(0)
  })

  it('sets the timer for the earliest waiting record, at least 1 s and at most the interval', async () => {
    let now = 1_000_000
    const fake = fakeEngine()
    const page = fakePage(() => now)
    fake.setWake(now + 10_000)
    installSyncTriggers(fake.engine, {
      window: page.win,
      document: page.doc,
      intervalMs: 60_000,
      now: () => now,
    } as unknown as SyncTriggerTargets)
    await flush()
    expect(page.pending()).toEqual([now + 10_000])

    fake.setWake(now - 5_000)
    fake.emit({ kind: 'waiting', nextAttemptAt: now - 5_000 })
    expect(page.pending()).toEqual([now + 1_000])

    fake.setWake(null)
    fake.emit({ kind: 'idle' })
    expect(page.pending()).toEqual([now + 60_000])

    const [timer] = [...page.timers.values()]
    now += 60_000
    timer?.run()
    await flush()
    expect(fake.reasons).toEqual(['start', 'timer'])
  })
})
