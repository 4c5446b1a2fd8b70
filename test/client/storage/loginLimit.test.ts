import { afterEach, describe, expect, it, vi } from 'vitest'
import { requestLogin } from '../../../src/client/features/auth/authApi.js'

afterEach(() => vi.unstubAllGlobals())

describe('the sign-in limit as the phone sees it', () => {
  it('a 429 says how many minutes to wait, from Retry-After', async () => {
    const body = JSON.stringify({ error: { code: 'too_many_requests', message: 'Too many failed sign-ins for this account; try again in 14 min' } })
    vi.stubGlobal('fetch', async () => new Response(body, { status: 429, headers: { 'retry-after': '817' } }))
    expect(await requestLogin('school1', 'guess')).toEqual({ kind: 'too_many', minutes: 14 })
  })
  it('a 429 without Retry-After still says to wait, a minute', async () => {
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 429 }))
    expect(await requestLogin('school1', 'guess')).toEqual({ kind: 'too_many', minutes: 1 })
  })
})
