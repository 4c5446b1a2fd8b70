import type { LoginResponse } from '../../core/protocol.js'
import { openOutboxChannel, type OutboxChannel } from './broadcast.js'
import type { PulledData } from './pullReference.js'
import { openStores, type Stores } from './storage.js'
import { createSyncEngine, type SyncEngine } from './syncEngine.js'
import { createFetchTransport, type Transport } from './transport.js'
import { webLock } from './webLock.js'

/** Meta key of the signed-in session: in IndexedDB, not localStorage, so the service worker can sync with it too. */
export const SESSION_KEY = 'session'

/** The signed-in session as kept under SESSION_KEY: the sign-in reply without its device token, which is kept per account. */
export type Session = Omit<LoginResponse, 'deviceToken'>

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
