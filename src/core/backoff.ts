/** First retry waits up to 2 s; the ceiling doubles per attempt up to 5 minutes (the phone's outbox). */
export const BACKOFF_BASE_MS = 2_000
export const BACKOFF_MAX_MS = 5 * 60_000

/** The window a retry is drawn from: the phone's by default, the server's outbound queue passes its own. */
export type BackoffWindow = { readonly baseMs: number; readonly maxMs: number }

/** The ceiling of the wait before retry number `attempts` (0 for the first retry). */
export function backoffCeiling(attempts: number, window: BackoffWindow = { baseMs: BACKOFF_BASE_MS, maxMs: BACKOFF_MAX_MS }): number {
  // Clamp the exponent so 2^attempts cannot overflow to Infinity after many failures.
  return Math.min(window.maxMs, window.baseMs * 2 ** Math.min(Math.max(attempts, 0), 30))
}

/**
 * Full jitter (random × capped exponential): after an outage, thousands of phones come back
 * at once; spreading their retries over the whole window keeps the server from a stampede.
 * `attempts` is how many tries have already failed before this one (0 for the first retry).
 */
export function retryDelay(attempts: number, random: () => number, window?: BackoffWindow): number {
  return Math.floor(random() * backoffCeiling(attempts, window))
}
