import { afterEach, describe, expect, it, vi } from 'vitest'
import { requestLogin } from '../../../src/client/features/auth/authApi.js'

afterEach(() => vi.unstubAllGlobals())

describe('the sign-in limit as the phone sees it', () => {
  it('a 429 says how long to wait, from Retry-After', async () => {
    const body = JSON.stringify({ error: { code: 'too_many_requests', message: 'Too many failed sign-ins for this account; try again in 14 min' } })
    vi.stubGlobal('fetch', async () => new Response(body, { status: 429, headers: { 'retry-after': '817' } }))
    expect(await requestLogin('school1', 'guess')).toEqual({ kind: 'too_many', seconds: 817 })
  })
  it('a 429 without Retry-After still says to wait, a minute', async () => {
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 429 }))
    expect(await requestLogin('school1', 'guess')).toEqual({ kind: 'too_many', seconds: 60 })
  })
  it('a device token from an earlier sign-in travels with the next one; none is sent when there is none', async () => {
    const bodies: unknown[] = []
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)))
      return new Response('{}', { status: 401 })
    })
    await requestLogin('school1', 'guess', 'device-a')
    await requestLogin('school1', 'guess')
    expect(bodies).toEqual([{ username: 'school1', password: 'guess', deviceToken: 'device-a' }, { username: 'school1', password: 'guess' }])
  })
})
