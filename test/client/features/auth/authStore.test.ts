import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { stores } from '../../../../src/client/appServices.js'
import { useAuthStore } from '../../../../src/client/features/auth/authStore.js'
import { SESSION_KEY } from '../../../../src/client/offline/offlineServices.js'
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
