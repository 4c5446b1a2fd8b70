import { createOfflineServices } from './offline/offlineServices.js'
import { requestBackgroundSync } from './offline/registerSw.js'

const pulledListeners = new Set<() => void>()

/** The page's single instance of the offline layer: one IndexedDB owner, one engine. */
export const services = createOfflineServices(() => pulledListeners.forEach((listener) => listener()))
export const { stores, engine, channel } = services

/** Starts the sync triggers (start, online, visible, timer) once the app has mounted. */
export function startBackgroundWork(hooks: { onPulled: () => void }): void {
  pulledListeners.add(hooks.onPulled)
  // Background work, not the first paint's: the triggers' code (precached) arrives beside the session read.
  void Promise.all([services.refreshSession(), import('./offline/triggers.js')]).then(([, { installSyncTriggers }]) => installSyncTriggers(engine, { window, document }))
  // Where the browser has Background Sync, it wakes the service worker when a signal returns.
  engine.subscribe((state) => {
    if (state.kind === 'waiting') void requestBackgroundSync()
  })
}
