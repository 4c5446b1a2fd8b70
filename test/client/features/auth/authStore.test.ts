import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stores } from '../../../../src/client/appServices.js'
import { useAuthStore } from '../../../../src/client/features/auth/authStore.js'
import { SESSION_KEY } from '../../../../src/client/offline/offlineServices.js'
import { PULLED_KEYS } from '../../../../src/client/offline/pullReference.js'
import type { LoginResponse } from '../../../../src/core/protocol.js'

const session = {
  token: 't0ken',
  expiresAt: '2027-01-01T00:00:00.000Z',
  user: { id: 'u1', username: 'school1', displayName: '张老师', role: 'staff', schoolId: 'school-1', districtId: 'district-1' },
} as unknown as LoginResponse

describe('the “session expired” notice', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    await stores.meta.removeItem(SESSION_KEY)
  })

  it('is not raised on a phone nobody has signed in on, though the server answers 401', async () => {
    const auth = useAuthStore()
    await auth.load()
    auth.markExpired()
    expect(auth.expired).toBe(false)
  })

  it('is raised when a signed-in session meets a 401', async () => {
    await stores.meta.setItem(SESSION_KEY, session)
    const auth = useAuthStore()
    await auth.load()
    auth.markExpired()
    expect(auth.expired).toBe(true)
  })
})

describe('signing out', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('removes every pulled list with its ETag, the notices and campaigns among them, and the pledges', async () => {
    setActivePinia(createPinia())
    await stores.meta.setItem(SESSION_KEY, session)
    for (const key of [...PULLED_KEYS, 'pledges']) {
      await stores.meta.setItem(key, [{ id: `${key}-1` }])
      await stores.meta.setItem(`etag:${key}`, `"${key}"`)
    }
    const revoked: string[] = []
    vi.stubGlobal('fetch', async (url: string) => {
      revoked.push(url)
      return new Response(null, { status: 204 })
    })
    const auth = useAuthStore()
    await auth.load()
    await auth.logout()
    expect(revoked).toEqual(['/api/v1/auth/logout'])
    const left = await stores.meta.keys()
    expect(left.filter((key) => key.includes('notices') || key.includes('campaigns'))).toEqual([])
    expect(left.filter((key) => [...PULLED_KEYS, 'pledges'].some((pulled) => key === pulled || key === `etag:${pulled}`))).toEqual([])
    expect(PULLED_KEYS).toEqual(expect.arrayContaining(['notices', 'campaigns']))
  })
})
