import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultTemplates, type FormTemplate } from '../../src/core/forms/index.js'
import type { FormsResponse, SchoolsResponse } from '../../src/core/protocol.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

describe.each(dialects)('forms and schools (%s)', (dialect) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer(dialect)
  })
  afterAll(() => server.close())

  async function schoolIds(username: string, password: string): Promise<string[]> {
    const token = await server.login(username, password)
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/schools', headers: bearer(token) })
    expect(response.statusCode).toBe(200)
    return (response.json() as SchoolsResponse).schools.map((school) => school.id)
  }

  it('lists the active templates with a strong ETag, and answers 304 when it matches', async () => {
    const token = await server.login('school1', 'school123')
    const first = await server.app.inject({ method: 'GET', url: '/api/v1/forms', headers: bearer(token) })
    expect(first.statusCode).toBe(200)
    // Compared in one order: the server sorts by id in the database's collation, the list is in authoring order.
    const byKey = (forms: readonly FormTemplate[]): FormTemplate[] => [...forms].sort((a, b) => (`${a.id}@${a.version}` < `${b.id}@${b.version}` ? -1 : 1))
    expect(byKey((first.json() as FormsResponse).forms)).toEqual(byKey(defaultTemplates))
    const etag = first.headers['etag']
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/)
    const again = await server.app.inject({ method: 'GET', url: '/api/v1/forms', headers: { ...bearer(token), 'if-none-match': String(etag) } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    const stale = await server.app.inject({ method: 'GET', url: '/api/v1/forms', headers: { ...bearer(token), 'if-none-match': '"old"' } })
    expect(stale.statusCode).toBe(200)
  })

  it('the ETag changes when a template is deactivated', async () => {
    const token = await server.login('bureau', 'bureau123')
    const before = await server.app.inject({ method: 'GET', url: '/api/v1/forms', headers: bearer(token) })
    await server.db.updateTable('forms').set({ active: 0 }).execute()
    const after = await server.app.inject({ method: 'GET', url: '/api/v1/forms', headers: bearer(token) })
    await server.db.updateTable('forms').set({ active: 1 }).execute()
    expect((after.json() as FormsResponse).forms).toEqual([])
    expect(after.headers['etag']).not.toBe(before.headers['etag'])
  })

  it('school staff see only their own school', async () => {
    expect(await schoolIds('school1', 'school123')).toEqual(['school-1'])
  })

  it('the bureau sees the five schools of its district and not the other district', async () => {
    expect(await schoolIds('bureau', 'bureau123')).toEqual(['school-1', 'school-2', 'school-3', 'school-4', 'school-5'])
    expect(await schoolIds('bureau2', 'bureau123')).toEqual(['school-6'])
  })

  it('an admin sees every school', async () => {
    expect(await schoolIds('admin', 'admin123')).toHaveLength(6)
  })

  it('schools carry name, kind, district and township', async () => {
    const token = await server.login('school1', 'school123')
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/schools', headers: bearer(token) })
    expect((response.json() as SchoolsResponse).schools[0]).toEqual({
      id: 'school-1',
      name: '示范区第一小学',
      districtId: 'district-1',
      kind: 'primary',
      township: '城关镇',
    })
  })
})
