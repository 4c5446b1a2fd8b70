import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../src/core/protocol.js'
import { recordAudit } from '../../src/server/services/record-audit.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

describe.each(dialects)('the audit log (%s)', (dialect) => {
  let server: TestServer
  let bureau: string
  let bureau2: string
  let admin: string

  beforeAll(async () => {
    server = await startServer(dialect)
    bureau = await server.login('bureau', 'bureau123')
    bureau2 = await server.login('bureau2', 'bureau123')
    admin = await server.login('admin', 'admin123')
  })
  afterAll(() => server.close())

  async function entries(token: string, query = ''): Promise<AuditEntry[]> {
    const response = await server.app.inject({ method: 'GET', url: `/api/v1/audit?limit=200${query}`, headers: bearer(token) })
    expect(response.statusCode).toBe(200)
    return response.json().entries as AuditEntry[]
  }

  it('a sign-in, a failed sign-in and a sign-out each leave a line the district bureau can read', async () => {
    const token = await server.login('school1', 'school123')
    await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'School1', password: 'wrong' } })
    await server.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) })
    const lines = (await entries(bureau)).filter((entry) => entry.username === 'school1')
    expect(lines.map((entry) => entry.action)).toEqual(['sign_out', 'sign_in_failed', 'sign_in'])
    expect(lines[2]).toMatchObject({ actorId: 'user-school1', actorRole: 'staff', schoolId: 'school-1', districtId: 'district-1', ip: '127.0.0.1' })
  })

  it('a feature records its own action with recordAudit, and the bureau of another district never sees it', async () => {
    await recordAudit(server.db, {
      action: 'hazard_verified',
      at: new Date(),
      actor: { id: 'user-bureau', username: 'bureau', displayName: 'x', role: 'bureau', schoolId: null, districtId: 'district-1' },
      schoolId: 'school-2',
      subjectId: 'hazard-xyz',
      details: { outcome: 'closed' },
    })
    expect((await entries(bureau, '&action=hazard_verified'))[0]).toMatchObject({ subjectId: 'hazard-xyz', districtId: 'district-1', details: { outcome: 'closed' } })
    const other = await entries(bureau2)
    expect(other.every((entry) => entry.districtId === 'district-2')).toBe(true)
    expect(other.some((entry) => entry.subjectId === 'hazard-xyz')).toBe(false)
    expect((await entries(admin)).some((entry) => entry.subjectId === 'hazard-xyz')).toBe(true)
  })

  it('pages newest first with a cursor', async () => {
    const first = await server.app.inject({ method: 'GET', url: '/api/v1/audit?limit=2', headers: bearer(admin) })
    const page = first.json() as { entries: AuditEntry[]; nextCursor: string }
    expect(page.entries).toHaveLength(2)
    const second = await server.app.inject({ method: 'GET', url: `/api/v1/audit?limit=2&before=${page.nextCursor}`, headers: bearer(admin) })
    const next = second.json().entries as AuditEntry[]
    expect((next[0]?.id ?? 'z') < (page.entries[1]?.id ?? '')).toBe(true)
  })

  it('schools and inspectors may not read it', async () => {
    for (const [username, password] of [['school1', 'school123'], ['principal1', 'principal123'], ['inspector', 'inspector123']] as const) {
      const token = await server.login(username, password)
      const response = await server.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(token) })
      expect(response.statusCode).toBe(403)
      expect(response.json().error.code).toBe('forbidden')
    }
  })
})
