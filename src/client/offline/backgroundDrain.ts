import { createOfflineServices } from './offlineServices.js'
import type { SyncSummary } from './syncEngine.js'

/**
 * One outbox pass from the service worker (Background Sync, no page open). Rejects while
 * records still wait, so the browser schedules another sync later; the app's own triggers
 * carry the guarantee where Background Sync is missing or gives up.
 */
export async function drainFromServiceWorker(): Promise<SyncSummary> {
  const { engine, channel, refreshSession } = createOfflineServices()
  // Load the session first: the engine's "only this user's records" filter reads it.
  await refreshSession()
  try {
    const summary = await engine.syncNow('background-sync')
    if (engine.state().kind === 'waiting') throw new Error('outbox: records still waiting')
    return summary
  } finally {
    channel.close()
  }
}
