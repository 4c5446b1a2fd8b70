import { openOutboxChannel, type OutboxChannel } from './broadcast.js'
import { SESSION_KEY, type Session } from './session.js'
import type { PulledData } from './pullReference.js'
import { openStores, type Stores } from './storage.js'
import { createSyncEngine, type SyncEngine } from './syncEngine.js'
import { createFetchTransport, type Transport } from './transport.js'
import { webLock } from './webLock.js'

// The session's key and shape live in session.ts, which pullReference.ts reads too without importing this wiring back.
export { SESSION_KEY, type Session } from './session.js'

export type OfflineServices = {
  readonly stores: Stores
  readonly engine: SyncEngine
  readonly transport: Transport
  readonly channel: OutboxChannel
  /** The signed-in user's id as last read, for the engine's "only my records" filter. */
  readonly refreshSession: () => Promise<Session | null>
}

/**
 * The one wiring of stores, transport and sync engine, shared by the page and the service
 * worker so both drain the outbox the same way (the Web Lock keeps them from doing it at once).
 */
export function createOfflineServices(onPulled?: (pulled: PulledData) => void): OfflineServices {
  const stores = openStores()
  let session: Session | null = null
  const refreshSession = async () => {
    session = await stores.meta.getItem<Session>(SESSION_KEY)
    return session
  }
  const transport = createFetchTransport({
    baseUrl: '',
    getToken: async () => (await refreshSession())?.token ?? null,
  })
  const channel = openOutboxChannel()
  const engine = createSyncEngine({
    stores,
    transport,
    now: Date.now,
    random: Math.random,
    lock: webLock,
    channel,
    userId: () => session?.user.id ?? null,
    ...(onPulled ? { onPulled } : {}),
  })
  return { stores, engine, transport, channel, refreshSession }
}
