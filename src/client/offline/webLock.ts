import type { LockFn } from './syncEngine.js'

/**
 * A lock held only within this JavaScript realm: the stand-in where Web Locks are missing
 * (older iOS, some WebViews). It still stops one tab from draining twice; across tabs the
 * server's duplicate answer keeps delivery exactly-once.
 */
export function createLocalLock(): LockFn {
  const held = new Set<string>()
  return async (name, task) => {
    if (held.has(name)) return false
    held.add(name)
    try {
      await task()
    } finally {
      held.delete(name)
    }
    return true
  }
}

const localLock = createLocalLock()

/**
 * The outbox lock across tabs and the service worker (navigator.locks, ifAvailable): when
 * another context holds it, the task does not run and this resolves false.
 */
export const webLock: LockFn = async (name, task) => {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks as LockManager | undefined
  if (locks === undefined || typeof locks.request !== 'function') return localLock(name, task)
  return locks.request(name, { ifAvailable: true }, async (lock) => {
    if (lock === null) return false
    await task()
    return true
  })
}
