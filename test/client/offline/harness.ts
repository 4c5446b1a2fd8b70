import { v7 as uuidv7 } from 'uuid'
import type { Answers } from '../../../src/core/forms/types.js'
import { enqueueSubmission, type OutboxRecord } from '../../../src/client/offline/outbox.js'
import { createDraft } from '../../../src/client/offline/createDraft.js'
import { openStores, type Stores } from '../../../src/client/offline/storage.js'
import { createSyncEngine, type LockFn, type OutboxMessage, type SyncEngineOptions } from '../../../src/client/offline/syncEngine.js'
import type { Transport } from '../../../src/client/offline/transport.js'
import { createLocalLock } from '../../../src/client/offline/webLock.js'

/** Each test its own IndexedDB database, so no test sees another's records. */
export function freshStores(): { stores: Stores; namespace: string } {
  const namespace = `test-${uuidv7()}`
  return { stores: openStores(namespace), namespace }
}

export const T0 = Date.parse('2026-03-02T08:00:00.000Z')

/** A settable clock for the engine. */
export function createClock(start = T0): { now: () => number; advance: (ms: number) => void; set: (ms: number) => void } {
  let current = start
  return {
    now: () => current,
    advance: (ms) => {
      current += ms
    },
    set: (ms) => {
      current = ms
    },
  }
}

export function draftInit(overrides: { answers?: Answers; attachments?: readonly string[]; now?: number } = {}) {
  return {
    formId: 'fire-safety',
    formVersion: 1,
    schoolId: 's1',
    deviceId: 'device-1',
    userId: 'u1',
    period: '2026-03',
    answers: overrides.answers ?? { extinguishers: 4 },
    attachments: overrides.attachments ?? [],
    now: overrides.now ?? T0,
  }
}

/** A record typed, submitted and waiting in the queue. */
export async function queueRecord(
  stores: Stores,
  overrides: { answers?: Answers; attachments?: readonly string[]; now?: number } = {},
): Promise<OutboxRecord> {
  const draft = await createDraft(stores, draftInit(overrides))
  const queued = await enqueueSubmission(stores, draft.id, overrides.now ?? T0)
  if (queued.kind !== 'queued') throw new Error(`could not queue: ${queued.kind}`)
  return queued.record
}

export type EngineHarness = ReturnType<typeof engineFor>

export function engineFor(
  stores: Stores,
  transport: Transport,
  options: { clock?: ReturnType<typeof createClock>; random?: () => number; lock?: LockFn; extra?: Partial<SyncEngineOptions> } = {},
) {
  // A minute after the records in these tests were queued, so they are due.
  const clock = options.clock ?? createClock(T0 + 60_000)
  const messages: OutboxMessage[] = []
  const engine = createSyncEngine({
    stores,
    transport,
    now: clock.now,
    random: options.random ?? (() => 0.5),
    lock: options.lock ?? createLocalLock(),
    channel: { postMessage: (message) => messages.push(message) },
    ...options.extra,
  })
  return { engine, clock, messages }
}
