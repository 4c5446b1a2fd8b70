// Every /api/ response says how it may be cached: no-store unless a route chose otherwise on
// purpose (ETag'd lists revalidate; a photo revalidates too, so its scope is checked each time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SubmitResult } from '../../src/core/protocol.js'
import { buildApp } from '../../src/server/app.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

describe.each(dialects)('cache policy (%s)', (dialect) => {
  let server: TestServer
  let admin: string
  let school1: string
  let school2: string
  let photo: string
  let getRoutes: string[]

  beforeAll(async () => {
    server = await startServer(dialect)
    admin = await server.login('admin', 'admin123')
    school1 = await server.login('school1', 'school123')
    school2 = await server.login('school2', 'school123')
    const png = tinyPng(77, 66, 55)
    photo = sha256(png)
    await server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${photo}`, headers: { ...bearer(school1), 'content-type': 'image/png' }, payload: png })
    const envelope = fireSafetyEnvelope({ answers: { ...passingAnswers(), exits: { result: 'pass', photos: [photo] } }, attachments: [photo] })
    const filed = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(school1), payload: { submissions: [envelope] } })
    expect((filed.json().results as SubmitResult[])[0]?.status).toBe('accepted')
    getRoutes = []
    const probe = await buildApp(server.config, {
      onRoute: (route) => {
        if (route.url.startsWith('/api/') && [route.method].flat().includes('GET')) getRoutes.push(route.url)
      },
    })
    await probe.ready()
    await probe.close()
  }, 60_000)
  afterAll(() => server.close())

  it('the sign-in reply, which carries the token, is no-store', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'school1', password: 'school123' } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
  })

  it('every GET route of the API answers no-store, or private no-cache with an ETag to revalidate', async () => {
    const seen: string[] = []
    for (const route of getRoutes) {
      const url = route.replace(':sha256', photo).replace(/:[A-Za-z0-9_]+/g, 'school-1')
      const response = await server.app.inject({ url, headers: bearer(admin) })
      const policy = String(response.headers['cache-control'])
      seen.push(`${route} ${response.statusCode} ${policy}`)
      if (policy === 'private, no-cache') expect(response.headers['etag'], route).toMatch(/^"[0-9a-f]{64}"$/)
      else expect(policy, `${route} (${response.statusCode})`).toBe('no-store')
    }
    expect(seen.length).toBeGreaterThan(20)
  })

  it('errors are no-store too: a missing sign-in, an unknown route, a bad request', async () => {
    for (const [url, token] of [['/api/v1/me', null], ['/api/v1/nowhere', admin], ['/api/v1/submissions?limit=0', admin]] as const) {
      const response = await server.app.inject({ url, ...(token === null ? {} : { headers: bearer(token) }) })
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400)
      expect(response.headers['cache-control'], url).toBe('no-store')
    }
  })

  it('ETag\'d lists still revalidate: a matching If-None-Match is a 304', async () => {
    const first = await server.app.inject({ url: '/api/v1/forms', headers: bearer(school1) })
    expect(first.headers['cache-control']).toBe('private, no-cache')
    const again = await server.app.inject({ url: '/api/v1/forms', headers: { ...bearer(school1), 'if-none-match': String(first.headers['etag']) } })
    expect(again.statusCode).toBe(304)
  })

  it('a photo is private and revalidated, never kept a year: a 304 only after the scope check, a 404 outside it', async () => {
    const first = await server.app.inject({ url: `/api/v1/attachments/${photo}`, headers: bearer(school1) })
    expect(first.statusCode).toBe(200)
    expect(first.headers['cache-control']).toBe('private, no-cache')
    expect(first.headers['etag']).toBe(`"${photo}"`)
    const again = await server.app.inject({ url: `/api/v1/attachments/${photo}`, headers: { ...bearer(school1), 'if-none-match': `"${photo}"` } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    // A browser shared by two schools: the other school's revalidation is not answered from the hash alone.
    const other = await server.app.inject({ url: `/api/v1/attachments/${photo}`, headers: { ...bearer(school2), 'if-none-match': `"${photo}"` } })
    expect(other.statusCode).toBe(404)
    expect(other.headers['cache-control']).toBe('no-store')
  })
})
