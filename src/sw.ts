/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { drainFromServiceWorker } from './client/offline/backgroundDrain.js'

declare const self: ServiceWorkerGlobalScope

// The app shell only. API responses carry one user's data and are never cached here: the
// app keeps what it needs offline in IndexedDB, scoped to the signed-in user.
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// Any page address opens the app offline; /api/ paths always go to the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }))

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})

type SyncEvent = ExtendableEvent & { readonly tag: string }

// Background Sync only wakes the outbox: an open page drains it (it holds the lock and shows
// progress); with no page open the service worker drains it itself.
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent
  if (sync.tag !== 'outbox') return
  sync.waitUntil(
    self.clients.matchAll({ type: 'window' }).then(async (windows) => {
      if (windows.length > 0) windows.forEach((client) => client.postMessage({ type: 'sync-outbox' }))
      else await drainFromServiceWorker()
    }),
  )
})
