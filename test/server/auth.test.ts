import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession, hashToken } from '../../src/server/auth/sessions.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

describe.each(dialects)('signing in and out (%s)', (dialect) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer(dialect)
  })
  afterAll(() => server.close())

  it('a correct username and password return a token, its expiry and the user', async () => {
    const before = Date.now()
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'school1', password: 'school123' },
    })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(body.user).toEqual({
      id: 'user-school1',
      username: 'school1',
      displayName: '第一小学安全员',
      role: 'staff',
      schoolId: 'school-1',
      districtId: 'district-1',
    })
    const days = (Date.parse(body.expiresAt) - before) / 86_400_000
    expect(days).toBeGreaterThan(29.9)
    expect(days).toBeLessThan(30.1)
  })

  it('only the SHA-256 of the token is stored', async () => {
    const token = await server.login('principal1', 'principal123')
    const rows = await server.db.selectFrom('sessions').select('token_hash').execute()
    expect(rows.map((row) => row.token_hash)).toContain(hashToken(token))
    expect(rows.map((row) => row.token_hash)).not.toContain(token)
  })

  it('a wrong password and an unknown user get the same 401', async () => {
    const wrong = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'school1', password: 'nope' } })
    const unknown = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ghost', password: 'nope' } })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json()).toEqual({ error: { code: 'unauthorized', message: '用户名或密码不正确 / Wrong username or password' } })
    expect(unknown.json()).toEqual(wrong.json())
  })

  it('a login body without a password is a 400 bad_request', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'school1' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('bad_request')
  })

  it('/me returns the signed-in user', async () => {
    const token = await server.login('inspector', 'inspector123')
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      id: 'user-inspector',
      username: 'inspector',
      displayName: '区教育局督查员',
      role: 'inspector',
      schoolId: null,
      districtId: 'district-1',
    })
  })

  it('a request without a token is a 401 unauthorized', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/me' })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('unauthorized')
  })

  it('logout revokes the token', async () => {
    const token = await server.login('school2', 'school123')
    const logout = await server.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) })
    expect(logout.statusCode).toBe(204)
    const me = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })
    expect(me.statusCode).toBe(401)
    const row = await server.db.selectFrom('sessions').select('revoked_at').where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow()
    expect(row.revoked_at).not.toBeNull()
  })

  it('an expired token is a 401', async () => {
    const { token } = await createSession(server.db, 'user-bureau', 1, new Date(Date.now() - 2 * 86_400_000))
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('unauthorized')
  })

  it('a disabled user is signed out at once', async () => {
    const token = await server.login('bureau2', 'bureau123')
    await server.db.updateTable('users').set({ disabled: 1 }).where('username', '=', 'bureau2').execute()
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })
    expect(response.statusCode).toBe(401)
    await server.db.updateTable('users').set({ disabled: 0 }).where('username', '=', 'bureau2').execute()
  })
})

describe.each(dialects)('the login rate limit (%s)', (dialect) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer(dialect, { loginMaxPerMinute: 3 })
  })
  afterAll(() => server.close())

  it('too many tries for one username answer 429 too_many_requests, other usernames still work', async () => {
    const attempt = (username: string) =>
      server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'guess' } })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await attempt('school1')).statusCode)
    expect(statuses).toEqual([401, 401, 401, 429])
    const limited = await attempt('school1')
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error.code).toBe('too_many_requests')
    expect(typeof limited.json().error.message).toBe('string')
    expect((await attempt('school2')).statusCode).toBe(401)
  })
})
