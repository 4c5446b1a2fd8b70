import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompletenessOverview } from '../../src/core/bureauProtocol.js'
import type { FormsResponse } from '../../src/core/protocol.js'
import { defaultTemplates, enrolment } from '../../src/core/forms/index.js'
import { publishDefaultForms } from '../../src/server/seed.js'
import { dialects, startServer, type TestServer } from './harness.js'

describe.each(dialects)('a restart that ships a new built-in version (%s)', (dialect) => {
  let server: TestServer
  const next = { ...enrolment, version: enrolment.version + 1 }
  const shipped = defaultTemplates.map((template) => (template.id === enrolment.id ? next : template))

  beforeAll(async () => {
    server = await startServer(dialect)
    // The same database started again by a release whose enrolment survey is one version newer.
    expect(await publishDefaultForms(server.db, new Date(), shipped)).toBe(1)
  })
  afterAll(() => server.close())

  it('lists the form once, at its new version, and keeps the old version stored for old reports', async () => {
    const token = await server.login('school1', 'school123')
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/forms', headers: { authorization: `Bearer ${token}` } })
    const forms = (response.json() as FormsResponse).forms.filter((form) => form.id === enrolment.id)
    expect(forms.map((form) => form.version)).toEqual([next.version])
    const stored = await server.db.selectFrom('forms').select(['version', 'active']).where('id', '=', enrolment.id).orderBy('version').execute()
    expect(stored.map((row) => [row.version, row.active])).toEqual([[enrolment.version, 0], [next.version, 1]])
  })

  it('counts the form once in completeness', async () => {
    const token = await server.login('bureau', 'bureau123')
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/reports/overview', headers: { authorization: `Bearer ${token}` } })
    const rows = (response.json() as CompletenessOverview).forms.filter((row) => row.formId === enrolment.id)
    expect(new Set(rows.map((row) => row.period)).size).toBe(rows.length)
    expect(rows.length).toBeGreaterThan(0)
  })

  it('a second start publishes nothing, and an older built-in never replaces a newer version', async () => {
    expect(await publishDefaultForms(server.db, new Date(), shipped)).toBe(0)
    expect(await publishDefaultForms(server.db, new Date(), defaultTemplates)).toBe(0)
    const active = await server.db.selectFrom('forms').select('version').where('id', '=', enrolment.id).where('active', '=', 1).execute()
    expect(active.map((row) => row.version)).toEqual([next.version])
  })
})
