import { Workbox } from 'workbox-window'

export type ServiceWorkerHooks = {
  /** A new version is installed and waiting; call `activate` when the user agrees. */
  readonly onUpdateWaiting: (activate: () => void) => void
  /** The service worker asks the page to drain the outbox (Background Sync woke it). */
  readonly onSyncRequest: () => void
  /** Registration failed or was blocked: this browser cannot open the app offline. */
  readonly onUnavailable?: () => void
}

/**
 * Registers the service worker with the `prompt` policy: a new version waits until the user
 * agrees, then the page reloads once it has taken control. Updates are looked for whenever the
 * page becomes visible, since phones keep a tab alive for days. Registered at once, not from a
 * lazy chunk: an update the browser finds while a late registration is still loading would never
 * be offered (test/e2e/faults.spec.ts).
 */
export function registerServiceWorker(hooks: ServiceWorkerHooks): Workbox | null {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return null
  const wb = new Workbox('/sw.js', { scope: '/' })
  wb.addEventListener('waiting', () => {
    hooks.onUpdateWaiting(() => {
      wb.addEventListener('controlling', () => window.location.reload())
      wb.messageSkipWaiting()
    })
  })
  wb.addEventListener('message', (event) => {
    if ((event.data as { type?: string } | null)?.type === 'sync-outbox') hooks.onSyncRequest()
  })
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb.update().catch(() => undefined)
  })
  void wb.register().catch(() => hooks.onUnavailable?.())
  return wb
}

/** Asks the browser to wake the service worker when a connection returns (Chromium only). */
export async function requestBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return
  const registration = await navigator.serviceWorker.getRegistration()
  const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync
  await sync?.register('outbox').catch(() => undefined)
}
