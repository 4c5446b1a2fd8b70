import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LightMyRequestResponse } from 'fastify'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

type Attempt = { readonly username: string; readonly password: string; readonly ip: string; readonly deviceToken?: string }

const CJK = /[\u4e00-\u9fff]/

describe.each(dialects)('sign-in lockout: slow the attacker, never lock out the user (%s)', (dialect) => {
  let server: TestServer
  let clock = new Date('2026-03-02T08:00:00.000Z')
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000)
  }
  const attempt = ({ username, password, ip, deviceToken }: Attempt): Promise<LightMyRequestResponse> =>
    server.app.inject({
      method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip,
      payload: { username, password, ...(deviceToken === undefined ? {} : { deviceToken }) },
    })
  /** Signs in with the right password and returns the device token the phone keeps. */
  const knownDevice = async (username: string, password: string, ip: string): Promise<string> => {
    const response = await attempt({ username, password, ip })
    expect(response.statusCode).toBe(200)
    const { deviceToken } = response.json() as { deviceToken: string }
    expect(deviceToken).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    return deviceToken
  }
  const failFromManyAddresses = async (username: string, count: number, net: string) => {
    for (let i = 0; i < count; i++) {
      advance(1)
      expect((await attempt({ username, password: 'guess', ip: `${net}.${i}` })).statusCode).toBe(401)
    }
  }

  beforeAll(async () => {
    server = await startServer(
      dialect,
      { loginMaxFailuresPerAccount: 10, loginMaxFailuresPerAddress: 100, loginFailureWindowMinutes: 15, loginFreeFailures: 3, loginFirstDelaySeconds: 5 },
      { now: () => clock },
    )
  })
  afterAll(() => server.close())

  it('an attacker\'s 200 failed tries from the school\'s address do not stop the right password from a known device', async () => {
    const device = await knownDevice('school1', 'school123', '10.0.0.5')
    const statuses: number[] = []
    for (let i = 0; i < 200; i++) {
      const username = i % 2 === 0 ? 'school1' : `ghost${i}`
      statuses.push((await attempt({ username, password: 'guess', ip: '10.0.0.5' })).statusCode)
      advance(2)
    }
    // The attacker was slowed down (429s) and the address's flood guard is up...
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(50)
    const newDevice = await attempt({ username: 'school1', password: 'school123', ip: '10.0.0.5' })
    expect(newDevice.statusCode).toBe(429)
    // ...yet the teacher's own phone, behind the same address, signs in at once.
    const phone = await attempt({ username: 'school1', password: 'school123', ip: '10.0.0.5', deviceToken: device })
    expect(phone.statusCode).toBe(200)
    expect(phone.json().deviceToken).toBe(device)
    // And its own typo is just a typo: the attacker's failures are not charged to it.
    expect((await attempt({ username: 'school1', password: 'typo', ip: '10.0.0.5', deviceToken: device })).statusCode).toBe(401)
  })

  it('after the account lock a new device gets 429 with Retry-After and a message in Chinese and English', async () => {
    advance(16 * 60)
    await failFromManyAddresses('principal1', 10, '10.2.0')
    const refused = await attempt({ username: 'principal1', password: 'principal123', ip: '10.3.0.1' })
    expect(refused.statusCode).toBe(429)
    const retryAfter = Number(refused.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    const error = refused.json().error as { code: string; message: string }
    expect(error.code).toBe('too_many_requests')
    expect(error.message).toMatch(CJK)
    expect(error.message).toMatch(/this account/)
  })

  it('a made-up device token, or another account\'s, does not pass the lock', async () => {
    const others = await knownDevice('school2', 'school123', '10.3.0.2')
    for (const deviceToken of ['x'.repeat(43), others]) {
      expect((await attempt({ username: 'principal1', password: 'principal123', ip: '10.3.0.1', deviceToken })).statusCode).toBe(429)
    }
  })

  it('the right password from a known device passes the lock and lifts it for the user\'s other devices', async () => {
    advance(16 * 60)
    const device = await knownDevice('principal1', 'principal123', '10.4.0.1')
    await failFromManyAddresses('principal1', 10, '10.5.0')
    expect((await attempt({ username: 'principal1', password: 'principal123', ip: '10.4.0.9' })).statusCode).toBe(429)
    // The principal's phone, now on mobile data: another address, the same device.
    expect((await attempt({ username: 'principal1', password: 'principal123', ip: '10.6.0.1', deviceToken: device })).statusCode).toBe(200)
    expect((await attempt({ username: 'principal1', password: 'principal123', ip: '10.4.0.9' })).statusCode).toBe(200)
  })

  it('a bureau\'s password reset lifts the lock and forgets the devices known before it', async () => {
    advance(16 * 60)
    const oldDevice = await knownDevice('school2', 'school123', '10.7.0.1')
    await failFromManyAddresses('school2', 10, '10.8.0')
    expect((await attempt({ username: 'school2', password: 'school123', ip: '10.7.0.2' })).statusCode).toBe(429)
    const token = (await attempt({ username: 'bureau', password: 'bureau123', ip: '10.7.0.3' })).json().token as string
    const reset = await server.app.inject({ method: 'POST', url: '/api/v1/admin/users/user-school2/password', headers: bearer(token), payload: { password: 'fresh-pass-1' } })
    expect(reset.statusCode).toBe(204)
    const after = await attempt({ username: 'school2', password: 'fresh-pass-1', ip: '10.7.0.2' })
    expect(after.statusCode).toBe(200)
    // Locked again: the device known before the reset is a stranger now.
    await failFromManyAddresses('school2', 10, '10.9.0')
    expect((await attempt({ username: 'school2', password: 'fresh-pass-1', ip: '10.7.0.1', deviceToken: oldDevice })).statusCode).toBe(429)
    expect((await attempt({ username: 'school2', password: 'fresh-pass-1', ip: '10.7.0.2', deviceToken: after.json().deviceToken as string })).statusCode).toBe(200)
  })

  it('from one account and address the delays grow, and hold even for the right password', async () => {
    advance(16 * 60)
    const from = { username: 'inspector', ip: '10.10.0.1' }
    for (let i = 0; i < 4; i++) expect((await attempt({ ...from, password: 'guess' })).statusCode).toBe(401)
    const waits: number[] = []
    for (let round = 0; round < 3; round++) {
      const held = await attempt({ ...from, password: 'inspector123' })
      expect(held.statusCode).toBe(429)
      expect(held.json().error.message).toMatch(CJK)
      const wait = Number(held.headers['retry-after'])
      waits.push(wait)
      advance(wait)
      expect((await attempt({ ...from, password: 'guess' })).statusCode).toBe(401)
    }
    expect(waits).toEqual([5, 10, 20])
    // Another address is not held by this one's delay.
    expect((await attempt({ username: 'inspector', password: 'inspector123', ip: '10.10.0.2' })).statusCode).toBe(200)
  })

  it('a device token that is not a string of the right shape is a 400, not a 5xx', async () => {
    const response = await server.app.inject({
      method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.11.0.1',
      payload: { username: 'school1', password: 'school123', deviceToken: 'y'.repeat(500) },
    })
    expect(response.statusCode).toBe(400)
  })

  it('neither passwords nor device tokens are written to the database in the clear', async () => {
    const device = await knownDevice('school1', 'school123', '10.12.0.1')
    const audit = await server.db.selectFrom('audit_log').select('details').execute()
    expect(audit.some((row) => row.details.includes('guess') || row.details.includes(device))).toBe(false)
    const devices = await server.db.selectFrom('login_devices').select('token_hash').execute()
    expect(devices.length).toBeGreaterThan(0)
    expect(devices.some((row) => row.token_hash === device)).toBe(false)
  })
})

describe.each(dialects)('the per-instance flood guard (%s)', (dialect) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer(dialect, { loginMaxPerMinute: 5 })
  })
  afterAll(() => server.close())

  it('an attacker using up the per-minute tries for a name and address does not use up the known phone\'s', async () => {
    const login = (payload: Record<string, string>) => server.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.20.0.1', payload })
    const first = await login({ username: 'school1', password: 'school123' })
    const deviceToken = first.json().deviceToken as string
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await login({ username: 'school1', password: 'guess' })).statusCode)
    expect(statuses.at(-1)).toBe(429)
    expect((await login({ username: 'school1', password: 'school123', deviceToken })).statusCode).toBe(200)
  })
})
