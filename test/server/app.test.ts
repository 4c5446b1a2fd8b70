import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

describe.each(dialects)('the app shell and API edges (%s)', (dialect) => {
  let server: TestServer
  let staticDir: string

  beforeAll(async () => {
    staticDir = await mkdtemp(join(tmpdir(), 'school-report-dist-'))
    await mkdir(join(staticDir, 'assets'))
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>校园填报</title><div id="app"></div>')
    await writeFile(join(staticDir, 'sw.js'), 'self.addEventListener("install", () => {})')
    await writeFile(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)')
    server = await startServer(dialect, { staticDir })
  })
  afterAll(async () => {
    await server.close()
    await rm(staticDir, { recursive: true, force: true })
  })

  it('health reports ok and the database dialect', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ok: true, db: dialect })
  })

  it('an unknown /api path is a JSON 404, never the app page', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/nothing-here' })
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toContain('application/json')
    expect(response.json().error.code).toBe('not_found')
  })

  it('an unknown POST outside /api is a JSON 404 too', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/whatever' })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('not_found')
  })

  it('an app route that is not a file gets index.html, uncached', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/inspections/new' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/html')
    expect(response.body).toContain('校园填报')
    expect(response.headers['cache-control']).toBe('no-cache')
  })

  it('hashed assets are cached for a year, the service worker not at all', async () => {
    const asset = await server.app.inject({ method: 'GET', url: '/assets/index-abc123.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const sw = await server.app.inject({ method: 'GET', url: '/sw.js' })
    expect(sw.statusCode).toBe(200)
    expect(sw.headers['cache-control']).toBe('no-cache')
    const index = await server.app.inject({ method: 'GET', url: '/' })
    expect(index.statusCode).toBe(200)
    expect(index.headers['cache-control']).toBe('no-cache')
  })

  it('pages carry a content security policy that allows the PWA and nothing else', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/' })
    const csp = String(response.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("img-src 'self' blob: data:")
    expect(csp).toContain("worker-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
  })

  it('malformed JSON is a 400 bad_request', async () => {
    const token = await server.login('school1', 'school123')
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: '{"submissions": [',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('bad_request')
  })
})

describe.each(dialects)('server failures (%s)', (dialect) => {
  it('an unexpected error is a 500 internal without a stack trace', async () => {
    const server = await startServer(dialect)
    try {
      const token = await server.login('school1', 'school123')
      // hazard_events refers to hazards: PostgreSQL refuses to drop a table something still references.
      await server.db.schema.dropTable('hazard_events').execute()
      await server.db.schema.dropTable('hazards').execute()
      const response = await server.app.inject({ method: 'GET', url: '/api/v1/hazards', headers: bearer(token) })
      expect(response.statusCode).toBe(500)
      expect(response.json()).toEqual({ error: { code: 'internal', message: 'Something went wrong on the server' } })
      expect(response.body).not.toContain('hazards')
    } finally {
      await server.close()
    }
  })
})
