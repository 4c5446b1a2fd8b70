import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLocalLock, webLock } from '../../../src/client/offline/webLock.js'

describe('locks', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('a local lock runs one task at a time and skips the second', async () => {
    const lock = createLocalLock()
    let release = (): void => undefined
    const first = lock('outbox', () => new Promise<void>((resolve) => (release = resolve)))
    expect(await lock('outbox', async () => undefined)).toBe(false)
    expect(await lock('other', async () => undefined)).toBe(true)
    release()
    expect(await first).toBe(true)
    expect(await lock('outbox', async () => undefined)).toBe(true)
  })

  it('uses navigator.locks with ifAvailable and skips when the lock is taken', async () => {
    const requests: unknown[] = []
    let available = true
    const locks = {
      request: async (name: string, options: LockOptions, callback: (lock: Lock | null) => Promise<boolean>) => {
        requests.push([name, options])
        return callback(available ? ({ name, mode: 'exclusive' } as Lock) : null)
      },
    }
    vi.stubGlobal('navigator', { ...navigator, locks })
    let ran = 0
    expect(await webLock('outbox', async () => void (ran += 1))).toBe(true)
    available = false
    expect(await webLock('outbox', async () => void (ran += 1))).toBe(false)
    expect(ran).toBe(1)
    expect(requests[0]).toEqual(['outbox', { ifAvailable: true }])
  })
})
