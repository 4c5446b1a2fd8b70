import { afterEach, describe, expect, it, vi } from 'vitest'
import { signIn } from '../../../../src/client/features/auth/signIn.js'
import { openStores } from '../../../../src/client/offline/storage.js'

afterEach(() => vi.unstubAllGlobals())

const user = { id: 'user-school1', username: 'school1', displayName: '安全员', role: 'staff', schoolId: 'school-1', districtId: 'district-1' }

/** A server that answers every sign-in with the given device token and records what it was sent. */
function fakeServer(issued: string) {
  const bodies: Record<string, unknown>[] = []
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)) as Record<string, unknown>)
    return new Response(JSON.stringify({ token: 'session-token', expiresAt: '2026-04-01T00:00:00.000Z', user, deviceToken: issued }), { status: 200 })
  })
  return bodies
}

describe('the phone keeps the device token of each account it signed in to', () => {
  it('a first sign-in sends none, keeps the one it gets, and sends it the next time', async () => {
    const stores = openStores(`sign-in-${crypto.randomUUID()}`)
    const bodies = fakeServer('device-a')
    const first = await signIn(stores.meta, 'school1', 'school123')
    expect(first.kind).toBe('ok')
    expect(bodies[0]).toEqual({ username: 'school1', password: 'school123' })
    await signIn(stores.meta, ' School1 ', 'school123')
    expect(bodies[1]).toMatchObject({ deviceToken: 'device-a' })
  })

  it('the session it hands back carries no device token: signing out forgets the session, not the device', async () => {
    const stores = openStores(`sign-in-${crypto.randomUUID()}`)
    fakeServer('device-a')
    const outcome = await signIn(stores.meta, 'school1', 'school123')
    expect(outcome.kind === 'ok' && 'deviceToken' in outcome.session).toBe(false)
  })

  it('each account on a shared phone has its own token, and a new one replaces the old', async () => {
    const stores = openStores(`sign-in-${crypto.randomUUID()}`)
    fakeServer('device-a')
    await signIn(stores.meta, 'school1', 'school123')
    let bodies = fakeServer('device-b')
    await signIn(stores.meta, 'principal1', 'principal123')
    expect(bodies[0]).not.toHaveProperty('deviceToken')
    await signIn(stores.meta, 'school1', 'school123')
    expect(bodies[1]).toMatchObject({ deviceToken: 'device-a' })
    // A reset made the server forget device-a: it issues device-b, which is sent from then on.
    bodies = fakeServer('device-c')
    await signIn(stores.meta, 'principal1', 'principal123')
    await signIn(stores.meta, 'principal1', 'principal123')
    expect(bodies.map((body) => body['deviceToken'])).toEqual(['device-b', 'device-c'])
  })

  it('a refused sign-in keeps the token it had', async () => {
    const stores = openStores(`sign-in-${crypto.randomUUID()}`)
    fakeServer('device-a')
    await signIn(stores.meta, 'school1', 'school123')
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 429, headers: { 'retry-after': '30' } }))
    expect(await signIn(stores.meta, 'school1', 'school123')).toEqual({ kind: 'too_many', seconds: 30 })
    const bodies = fakeServer('device-a')
    await signIn(stores.meta, 'school1', 'school123')
    expect(bodies[0]).toMatchObject({ deviceToken: 'device-a' })
  })
})
