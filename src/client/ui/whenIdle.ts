/**
 * Runs `work` when the main thread has nothing better to do (or after `timeoutMs` at the latest),
 * so warming a cache never competes with the screen the user is looking at. Safari before 18 has
 * no requestIdleCallback: a short timer stands in.
 */
export function whenIdle(work: () => void, timeoutMs = 2000): void {
  if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(() => work(), { timeout: timeoutMs })
  else setTimeout(work, 200)
}
