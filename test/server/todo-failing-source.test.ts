import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

const failing = vi.hoisted(() => ({ on: false }))

// The real sources plus one that fails on demand, as a source whose table is missing would.
vi.mock('../../src/server/services/todo/sources.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/server/services/todo/sources.js')>()
  const broken = async () => {
    if (failing.on) throw new Error('source broke')
    return []
  }
  return { todoSources: [...real.todoSources, broken] }
})

describe.each(dialects)('GET /api/v1/todo when a source fails (%s)', (dialect) => {
  let server: TestServer
  let token: string

  beforeAll(async () => {
    server = await startServer(dialect)
    token = await server.login('school1', 'school123')
  })
  afterAll(() => server.close())

  it('is a 5xx with an error body, never a shorter list', async () => {
    failing.on = false
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/todo', headers: bearer(token) })).statusCode).toBe(200)
    failing.on = true
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/todo', headers: bearer(token) })
    expect(response.statusCode).toBe(500)
    expect(response.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } })
    expect(response.headers.etag).toBeUndefined()
  })
})
