import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fireSafety } from '../../src/core/forms/index.js'
import type { FormTemplate } from '../../src/core/forms/types.js'
import type { AdminSchool, AdminUser, AuditPage } from '../../src/core/protocol.js'
import { fireSafetyEnvelope } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

describe.each(dialects)('administration (%s)', (dialect) => {
  let server: TestServer
  let bureau: string
  let bureau2: string
  let admin: string
  let school1: string
  let inspector: string

  beforeAll(async () => {
    server = await startServer(dialect)
    bureau = await server.login('bureau', 'bureau123')
    bureau2 = await server.login('bureau2', 'bureau123')
    admin = await server.login('admin', 'admin123')
    school1 = await server.login('school1', 'school123')
    inspector = await server.login('inspector', 'inspector123')
  })
  afterAll(() => server.close())

  const call = (token: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    server.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload === undefined ? {} : { payload }) })

  const everyRoute: readonly [method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: object][] = [
    ['GET', '/admin/schools'],
    ['POST', '/admin/schools', { name: '新学校', kind: 'primary' }],
    ['PATCH', '/admin/schools/school-1', { name: '改名' }],
    ['GET', '/admin/users'],
    ['POST', '/admin/users', { username: 'newone', displayName: '新人', role: 'staff', password: 'password1', schoolId: 'school-1' }],
    ['PATCH', '/admin/users/user-school2', { disabled: true }],
    ['POST', '/admin/users/user-school2/password', { password: 'password1' }],
    ['GET', '/admin/forms'],
    ['POST', '/admin/forms', { template: { ...fireSafety, version: 9 } }],
    ['GET', '/admin/deadlines'],
    ['PUT', '/admin/deadlines', { formId: 'home-visits', period: '2026-T1', dueAt: '2026-04-01T00:00:00+08:00' }],
    ['GET', '/admin/pledges'],
    ['POST', '/admin/pledges', { pledgeId: 'x', version: 1, year: 2026, audience: 'staff', title: { zh: '甲', en: 'A' }, text: { zh: '乙', en: 'B' }, dueDate: '2026-12-31' }],
    ['GET', '/audit'],
  ]

  it('school accounts and inspectors get 403 on every administration route, and nothing changes', async () => {
    for (const token of [school1, inspector]) {
      for (const [method, url, body] of everyRoute) {
        const response = await call(token, method, url, body)
        expect(response.statusCode, `${method} ${url}`).toBe(403)
        expect(response.json().error.code).toBe('forbidden')
      }
    }
    const school = await server.db.selectFrom('schools').select('name').where('id', '=', 'school-1').executeTakeFirstOrThrow()
    expect(school.name).toBe('示范区第一小学')
    expect(await server.db.selectFrom('users').select('id').where('username', '=', 'newone').executeTakeFirst()).toBeUndefined()
  })

  it('a bureau lists only its own district’s schools and users', async () => {
    const schools = (await call(bureau2, 'GET', '/admin/schools')).json().schools as AdminSchool[]
    expect(schools.map((school) => school.id)).toEqual(['school-6'])
    const users = (await call(bureau2, 'GET', '/admin/users')).json().users as AdminUser[]
    expect(users.map((user) => user.username)).toEqual(['bureau2'])
    const mine = (await call(bureau, 'GET', '/admin/schools')).json().schools as AdminSchool[]
    expect(mine).toHaveLength(5)
    expect(mine.find((school) => school.id === 'school-1')?.users).toBe(2)
  })

  it('bureau2 cannot touch district-1: its schools and users look absent, and naming the district is refused', async () => {
    expect((await call(bureau2, 'PATCH', '/admin/schools/school-1', { name: '改名' })).statusCode).toBe(404)
    expect((await call(bureau2, 'PATCH', '/admin/users/user-school1', { disabled: true })).statusCode).toBe(404)
    expect((await call(bureau2, 'POST', '/admin/users/user-school1/password', { password: 'takeover1' })).statusCode).toBe(404)
    expect((await call(bureau2, 'POST', '/admin/schools', { name: '越界学校', kind: 'primary', districtId: 'district-1' })).statusCode).toBe(403)
    expect((await call(bureau2, 'POST', '/admin/users', { username: 'spy', displayName: '越界', role: 'staff', password: 'password1', schoolId: 'school-1' })).statusCode).toBe(404)
    expect((await call(bureau2, 'POST', '/admin/users', { username: 'spy', displayName: '越界', role: 'inspector', password: 'password1', districtId: 'district-1' })).statusCode).toBe(403)
    expect((await call(bureau2, 'PUT', '/admin/deadlines', { formId: 'home-visits', period: '2026-T1', dueAt: '2026-04-01T00:00:00+08:00', districtId: 'district-1' })).statusCode).toBe(403)
    expect(await server.login('school1', 'school123')).toBeTruthy()
  })

  it('a bureau can never create or grant admin, nor touch the admin account', async () => {
    expect((await call(bureau, 'POST', '/admin/users', { username: 'boss', displayName: '越权', role: 'admin', password: 'password1' })).statusCode).toBe(403)
    expect((await call(bureau, 'PATCH', '/admin/users/user-school2', { role: 'admin' })).statusCode).toBe(403)
    expect((await call(bureau, 'PATCH', '/admin/users/user-admin', { disabled: true })).statusCode).toBe(404)
  })

  it('a bureau creates and edits a school in its district, with its township and kind', async () => {
    const created = await call(bureau, 'POST', '/admin/schools', { name: ' 青山小学 ', kind: 'primary', township: '青山乡' })
    expect(created.statusCode).toBe(201)
    const school = created.json().school as AdminSchool
    expect(school).toMatchObject({ name: '青山小学', kind: 'primary', township: '青山乡', districtId: 'district-1', users: 0 })
    const edited = await call(bureau, 'PATCH', `/admin/schools/${school.id}`, { kind: 'nine_year', township: null })
    expect(edited.json().school).toMatchObject({ kind: 'nine_year', township: null })
    expect((await call(bureau, 'PATCH', `/admin/schools/${school.id}`, { kind: 'castle' })).statusCode).toBe(400)
  })

  it('a bureau creates a staff account that can sign in and report for its school only', async () => {
    const created = await call(bureau, 'POST', '/admin/users', { username: 'Teacher3', displayName: '幼儿园安全员', role: 'staff', password: 'kinder123', schoolId: 'school-3' })
    expect(created.statusCode).toBe(201)
    expect(created.json().user).toMatchObject({ username: 'teacher3', role: 'staff', schoolId: 'school-3', districtId: 'district-1', disabled: false })
    const token = await server.login('teacher3', 'kinder123')
    const me = await call(token, 'GET', '/me')
    expect(me.json()).toMatchObject({ schoolId: 'school-3' })
    expect((await call(bureau, 'POST', '/admin/users', { username: 'teacher3', displayName: '重名', role: 'staff', password: 'kinder123', schoolId: 'school-3' })).statusCode).toBe(409)
  })

  it('a password reset and a disable sign the user out at once', async () => {
    const created = (await call(bureau, 'POST', '/admin/users', { username: 'temp', displayName: '临时', role: 'inspector', password: 'temp12345' })).json().user as AdminUser
    const session = await server.login('temp', 'temp12345')
    expect((await call(bureau, 'POST', `/admin/users/${created.id}/password`, { password: 'fresh12345' })).statusCode).toBe(204)
    expect((await call(session, 'GET', '/me')).statusCode).toBe(401)
    const again = await server.login('temp', 'fresh12345')
    expect((await call(bureau, 'PATCH', `/admin/users/${created.id}`, { disabled: true })).json().user.disabled).toBe(true)
    expect((await call(again, 'GET', '/me')).statusCode).toBe(401)
    const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'temp', password: 'fresh12345' } })
    expect(login.statusCode).toBe(401)
  })

  it('a bureau may not disable itself', async () => {
    expect((await call(bureau, 'PATCH', '/admin/users/user-bureau', { disabled: true })).statusCode).toBe(400)
  })

  it('a template is published only when core finds nothing wrong with it', async () => {
    const broken = { ...fireSafety, version: 2, sections: [{ id: 'x', title: { zh: '空', en: 'Empty' }, fields: [] }] }
    const refused = await call(bureau, 'POST', '/admin/forms', { template: broken })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.message).toContain('sections[0].fields')
    // fire-safety is a global built-in: the admin versions it (a bureau is refused, template-ownership.test.ts).
    expect((await call(admin, 'POST', '/admin/forms', { template: { ...fireSafety, version: 1 } })).statusCode).toBe(400)
    expect((await call(admin, 'POST', '/admin/forms', { template: { ...fireSafety, version: 2, kind: 'survey', period: 'term' } })).statusCode).toBe(400)
    // A bureau publishes its district's own forms under a new id.
    expect((await call(bureau, 'POST', '/admin/forms', { template: { ...fireSafety, id: 'fire-safety-district' } })).statusCode).toBe(201)
  })

  it('a new version goes live for phones while reports on the old version still validate', async () => {
    const school1Token = await server.login('school1', 'school123')
    const v2: FormTemplate = { ...fireSafety, version: 2, title: { zh: '消防安全自查（2026版）', en: 'Fire safety self-check (2026)' } }
    const published = await call(admin, 'POST', '/admin/forms', { template: v2 })
    expect(published.statusCode).toBe(201)
    const forms = (await call(school1Token, 'GET', '/forms')).json().forms as FormTemplate[]
    expect(forms.filter((form) => form.id === 'fire-safety').map((form) => form.version)).toEqual([2])
    const old = await call(school1Token, 'POST', '/submissions', { submissions: [fireSafetyEnvelope({ formVersion: 1 })] })
    expect(old.json().results[0].status).toBe('accepted')
    const listed = (await call(bureau, 'GET', '/admin/forms')).json().forms as { id: string; version: number; active: boolean; publishedBy: string | null; reports: number }[]
    expect(listed.filter((form) => form.id === 'fire-safety')).toEqual([
      expect.objectContaining({ version: 2, active: true, publishedBy: 'user-admin', ownerDistrictId: null, reports: 0 }),
      expect.objectContaining({ version: 1, active: false, publishedBy: null, ownerDistrictId: null, reports: 1 }),
    ])
  })

  it('deadlines are set for the bureau’s own district and listed back', async () => {
    const set = await call(bureau, 'PUT', '/admin/deadlines', { formId: 'home-visits', period: '2026-T1', dueAt: '2026-04-01T00:00:00+08:00' })
    expect(set.json().deadline).toEqual({ districtId: 'district-1', formId: 'home-visits', period: '2026-T1', dueAt: '2026-03-31T16:00:00.000Z' })
    expect((await call(bureau, 'PUT', '/admin/deadlines', { formId: 'fire-safety', period: '2026-T1', dueAt: '2026-04-01T00:00:00+08:00' })).statusCode).toBe(400)
    const mine = (await call(bureau, 'GET', '/admin/deadlines')).json().deadlines as { districtId: string }[]
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((deadline) => deadline.districtId === 'district-1')).toBe(true)
    const theirs = (await call(bureau2, 'GET', '/admin/deadlines')).json().deadlines as { districtId: string; formId: string; period: string }[]
    expect(theirs.some((deadline) => deadline.formId === 'home-visits' && deadline.period === '2026-T1')).toBe(false)
  })

  it('a pledge document is published as a new version, and an existing version is never overwritten', async () => {
    const body = { pledgeId: 'drowning-prevention', version: 1, year: 2026, audience: 'principal', title: { zh: '防溺水安全责任书', en: 'Drowning prevention pledge' }, text: { zh: '## 责任\n\n做好防溺水教育。', en: '## Duties\n\nTeach drowning prevention.' }, dueDate: '2026-06-30' }
    const first = await call(bureau, 'POST', '/admin/pledges', body)
    expect(first.statusCode).toBe(201)
    expect(first.json().pledge).toMatchObject({ id: 'drowning-prevention-v1', current: true })
    expect((await call(bureau, 'POST', '/admin/pledges', { ...body, text: { zh: '改过的', en: 'Changed' } })).statusCode).toBe(409)
    const listed = (await call(bureau, 'GET', '/admin/pledges')).json().pledges as { id: string }[]
    expect(listed.map((pledge) => pledge.id)).toContain('drowning-prevention-v1')
  })

  it('every bureau action lands in the audit log the bureau reads, and bureau2 does not see it', async () => {
    const page = (await call(bureau, 'GET', '/audit?limit=200')).json() as AuditPage
    const actions = new Set(page.entries.map((entry) => entry.action))
    for (const action of ['school_created', 'school_updated', 'user_created', 'password_reset', 'user_disabled', 'form_published', 'deadline_set', 'pledge_published']) {
      expect(actions.has(action), action).toBe(true)
    }
    const theirs = (await call(bureau2, 'GET', '/audit?limit=200')).json() as AuditPage
    expect(theirs.entries.filter((entry) => entry.actorId === 'user-bureau')).toEqual([])
  })

  it('an admin names the district and may manage every district', async () => {
    expect((await call(admin, 'POST', '/admin/schools', { name: '无区学校', kind: 'primary' })).statusCode).toBe(400)
    const created = await call(admin, 'POST', '/admin/schools', { name: '临江县实验小学', kind: 'primary', districtId: 'district-2' })
    expect(created.statusCode).toBe(201)
    expect(((await call(admin, 'GET', '/admin/schools')).json().schools as AdminSchool[]).length).toBeGreaterThanOrEqual(8)
  })
})
