import { openOutboxChannel } from './broadcast.js'
import { openStores } from './storage.js'
import { createSyncEngine, type SyncSummary } from './syncEngine.js'
import { createFetchTransport } from './transport.js'
import { webLock } from './webLock.js'

/** The auth store keeps the session under this meta key, so the service worker can sync too. */
const SESSION_KEY = 'session'
type SessionShape = { readonly token?: string; readonly user?: { readonly id?: string } }

/**
 * One outbox pass from the service worker (Background Sync, no page open). Rejects while
 * records still wait, so the browser schedules another sync later; the app's own triggers
 * carry the guarantee where Background Sync is missing or gives up.
 */
export async function drainFromServiceWorker(namespace?: string): Promise<SyncSummary> {
  const stores = openStores(namespace)
  const session = await stores.meta.getItem<SessionShape>(SESSION_KEY)
  const channel = openOutboxChannel()
  const engine = createSyncEngine({
    stores,
    transport: createFetchTransport({ baseUrl: '', getToken: () => session?.token ?? null }),
    now: Date.now,
    random: Math.random,
    lock: webLock,
    channel,
    userId: () => session?.user?.id ?? null,
  })
  try {
    const summary = await engine.syncNow('background-sync')
    if (engine.state().kind === 'waiting') throw new Error('outbox: records still waiting')
    return summary
  } finally {
    channel.close()
  }
}
