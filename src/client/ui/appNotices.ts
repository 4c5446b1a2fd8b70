import { ref } from 'vue'

/** Set when the browser has the service worker API but registration failed or was blocked. */
export const serviceWorkerBlocked = ref(false)

/**
 * Set when a screen's chunk could not load (offline, never fetched): shown as a notice by
 * CapabilityBanner, which is on the first screen already — a toast would pull Vant's toast code
 * into the first download.
 */
export const screenLoadFailed = ref(false)

/** Vite's words for a lazy chunk (or its CSS) that could not be fetched. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return /dynamically imported module|Unable to preload CSS|Importing a module script failed|error loading dynamically imported/i.test(message)
}
