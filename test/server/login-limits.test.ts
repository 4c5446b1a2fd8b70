import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

function attempt(app: FastifyInstance, username: string, password: string, remoteAddress = '10.0.0.1') {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress })
}

describe.each(dialects)('login limits stored in the database (%s)', (dialect) => {
  let server: TestServer
  let second: FastifyInstance
  beforeAll(async () => {
    server = await startServer(dialect, { loginMaxFailuresPerAccount: 3, loginMaxFailuresPerAddress: 6, loginFailureWindowMinutes: 15 })
    second = await server.anotherInstance()
  })
  afterAll(() => server.close())

  it('after 3 failures an account is refused with 429, a Retry-After and a message naming the account, even with the right password', async () => {
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await attempt(server.app, 'school2', 'guess', `10.1.0.${i}`)).statusCode)
    expect(statuses).toEqual([401, 401, 401])
    const refused = await attempt(server.app, 'school2', 'school123', '10.1.0.9')
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error.code).toBe('too_many_requests')
    expect(refused.json().error.message).toMatch(/this account; try again in 15 min/)
    const retryAfter = Number(refused.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(14 * 60)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
  })

  it('the count holds across server instances on one database', async () => {
    for (let i = 0; i < 2; i++) expect((await attempt(server.app, 'principal1', 'guess', '10.2.0.1')).statusCode).toBe(401)
    expect((await attempt(second, 'principal1', 'guess', '10.2.0.2')).statusCode).toBe(401)
    // The third failure went to the other instance; this one still refuses.
    expect((await attempt(server.app, 'principal1', 'principal123', '10.2.0.3')).statusCode).toBe(429)
  })

  it('a successful sign-in clears the account count', async () => {
    for (let i = 0; i < 2; i++) expect((await attempt(server.app, 'inspector', 'guess', '10.3.0.1')).statusCode).toBe(401)
    expect((await attempt(server.app, 'inspector', 'inspector123', '10.3.0.1')).statusCode).toBe(200)
    for (let i = 0; i < 2; i++) expect((await attempt(server.app, 'inspector', 'guess', '10.3.0.1')).statusCode).toBe(401)
    expect((await attempt(server.app, 'inspector', 'inspector123', '10.3.0.1')).statusCode).toBe(200)
  })

  it('after 6 failures from one address every account is refused from it, other addresses are not', async () => {
    for (let i = 0; i < 6; i++) expect((await attempt(server.app, `ghost${i}`, 'guess', '10.9.9.9')).statusCode).toBe(401)
    const refused = await attempt(second, 'bureau', 'bureau123', '10.9.9.9')
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error.message).toMatch(/network address/)
    expect((await attempt(server.app, 'bureau', 'bureau123', '10.9.9.10')).statusCode).toBe(200)
  })

  it('failed sign-ins are audit-logged with the name typed, the address and the reason', async () => {
    const admin = (await attempt(server.app, 'admin', 'admin123', '10.4.0.1')).json().token as string
    const page = await server.app.inject({ method: 'GET', url: '/api/v1/audit?action=sign_in_failed&limit=200', headers: bearer(admin) })
    const entries = page.json().entries as { username: string; ip: string; details: { reason: string }; districtId: string | null }[]
    expect(entries.find((entry) => entry.username === 'ghost0')).toMatchObject({ ip: '10.9.9.9', details: { reason: 'unknown_user' }, districtId: null })
    expect(entries.find((entry) => entry.username === 'school2')).toMatchObject({ details: { reason: 'wrong_password' }, districtId: 'district-1' })
  })
})

describe.each(dialects)('sessions across instances (%s)', (dialect) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer(dialect)
  })
  afterAll(() => server.close())

  it('a token from one instance works on another, and a sign-out on one is refused by the other at once', async () => {
    const second = await server.anotherInstance()
    const token = await server.login('school1', 'school123')
    expect((await second.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(200)
    expect((await server.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) })).statusCode).toBe(204)
    expect((await second.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(401)
  })
})
