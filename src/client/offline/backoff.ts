/** First retry waits up to 2 s; the ceiling doubles per attempt up to 5 minutes. */
export const BACKOFF_BASE_MS = 2_000
export const BACKOFF_MAX_MS = 5 * 60_000

/**
 * Full jitter (random × capped exponential): after an outage, thousands of phones come back
 * at once; spreading their retries over the whole window keeps the server from a stampede.
 * `attempts` is how many tries have already failed before this one (0 for the first retry).
 */
export function retryDelay(attempts: number, random: () => number): number {
  // Clamp the exponent so 2^attempts cannot overflow to Infinity after many failures.
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(Math.max(attempts, 0), 30))
  return Math.floor(random() * ceiling)
}
