import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fireSafety, homeVisits, trafficSafety } from '../../src/core/forms/index.js'
import type { FormTemplate } from '../../src/core/forms/types.js'
import type { AuditPage, PledgesResponse, SubmitResult } from '../../src/core/protocol.js'
import { fireSafetyEnvelope } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

const year = new Date().getFullYear()
const safeCampus = `safe-campus-${year}`

type Method = 'GET' | 'POST' | 'PUT'

describe.each(dialects)('who owns a form template or a pledge text (%s)', (dialect) => {
  let server: TestServer
  const tokens: Record<string, string> = {}

  const call = (who: string, method: Method, url: string, payload?: object) =>
    server.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[who] ?? ''), ...(payload === undefined ? {} : { payload }) })
  const formsOf = async (who: string) => ((await call(who, 'GET', '/forms')).json() as { forms: FormTemplate[] }).forms
  const pledgesOf = async (who: string) => ((await call(who, 'GET', '/pledges')).json() as PledgesResponse).pledges
  const auditOf = async (who: string) => ((await call(who, 'GET', '/audit?limit=200')).json() as AuditPage).entries
  const pledgeBody = (pledgeId: string, version: number, text = '严防学生溺水。') => ({
    pledgeId, version, year, audience: 'principal', title: { zh: '防溺水责任书', en: 'Drowning prevention' }, text: { zh: text, en: 'Prevent drowning.' }, dueDate: '2999-12-31',
  })

  beforeAll(async () => {
    server = await startServer(dialect)
    for (const [user, password] of [['school1', 'school123'], ['principal1', 'principal123'], ['bureau', 'bureau123'], ['bureau2', 'bureau123'], ['inspector', 'inspector123'], ['admin', 'admin123']] as const) {
      tokens[user] = await server.login(user, password)
    }
    // District 2 has no school accounts in the demo: the admin makes a staff member and a principal for school-6.
    for (const [username, role] of [['school6', 'staff'], ['principal6', 'principal']] as const) {
      const made = await call('admin', 'POST', '/admin/users', { username, displayName: username, role, password: 'district2-pass', schoolId: 'school-6' })
      expect(made.statusCode).toBe(201)
      tokens[username] = await server.login(username, 'district2-pass')
    }
  })
  afterAll(() => server.close())

  it('bureau2 cannot publish traffic-safety v2 over the global form: 403, and school1’s list and its ETag stay as they were', async () => {
    const before = await call('school1', 'GET', '/forms')
    const refused = await call('bureau2', 'POST', '/admin/forms', { template: { ...trafficSafety, version: 2, title: { zh: '被改的交通安全', en: 'Hijacked' } } })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('forbidden')
    expect(refused.json().error.message).toMatch(/全局.*global/s)
    const after = await call('school1', 'GET', '/forms', undefined)
    expect(after.headers.etag).toBe(before.headers.etag)
    expect((after.json() as { forms: FormTemplate[] }).forms.filter((form) => form.id === 'traffic-safety').map((form) => form.version)).toEqual([1])
    expect(await server.db.selectFrom('forms').select('version').where('id', '=', 'traffic-safety').execute()).toEqual([{ version: 1 }])
  })

  it('a bureau’s new form is its district’s: its schools get it, district 2’s schools, bureau and exports do not', async () => {
    const mine: FormTemplate = { ...fireSafety, id: 'fire-safety-d1', title: { zh: '示范区消防自查', en: 'District 1 fire check' } }
    expect((await call('bureau', 'POST', '/admin/forms', { template: mine })).statusCode).toBe(201)
    expect((await formsOf('school1')).some((form) => form.id === 'fire-safety-d1')).toBe(true)
    expect((await formsOf('inspector')).some((form) => form.id === 'fire-safety-d1')).toBe(true)
    expect((await formsOf('school6')).some((form) => form.id === 'fire-safety-d1')).toBe(false)
    expect((await formsOf('bureau2')).some((form) => form.id === 'fire-safety-d1')).toBe(false)
    const theirAdminList = (await call('bureau2', 'GET', '/admin/forms')).json().forms as { id: string }[]
    expect(theirAdminList.some((form) => form.id === 'fire-safety-d1')).toBe(false)
    expect(theirAdminList.some((form) => form.id === 'fire-safety')).toBe(true)
    expect((await call('bureau2', 'GET', '/exports/fire-safety-d1.csv')).statusCode).toBe(404)
    expect((await call('bureau', 'GET', '/exports/fire-safety-d1.csv')).statusCode).toBe(200)

    // Filing follows the owner: a school of district 2 cannot report against it, one of district 1 can.
    const theirs = (await call('school6', 'POST', '/submissions', { submissions: [fireSafetyEnvelope({ formId: 'fire-safety-d1', schoolId: 'school-6' })] })).json().results as SubmitResult[]
    expect(theirs[0]).toMatchObject({ status: 'rejected', error: { code: 'validation_failed' } })
    const ours = (await call('school1', 'POST', '/submissions', { submissions: [fireSafetyEnvelope({ formId: 'fire-safety-d1' })] })).json().results as SubmitResult[]
    expect(ours[0]?.status).toBe('accepted')
  })

  it('report counts on a global form in the admin list cover the caller’s own schools only', async () => {
    const [filed] = (await call('school1', 'POST', '/submissions', { submissions: [fireSafetyEnvelope()] })).json().results as SubmitResult[]
    expect(filed?.status).toBe('accepted')
    const count = async (who: string) => ((await call(who, 'GET', '/admin/forms')).json().forms as { id: string; version: number; reports: number }[])
      .find((form) => form.id === 'fire-safety' && form.version === 1)?.reports
    expect(await count('bureau')).toBe(1)
    expect(await count('bureau2')).toBe(0)
    expect(await count('admin')).toBe(1)
  })

  it('bureau2 cannot publish over district 1’s own form (the id is taken: 409), and district 1 keeps serving its version', async () => {
    const refused = await call('bureau2', 'POST', '/admin/forms', { template: { ...fireSafety, id: 'fire-safety-d1', version: 2 } })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('conflict')
    expect((await formsOf('school1')).filter((form) => form.id === 'fire-safety-d1').map((form) => form.version)).toEqual([1])
    // The owner itself publishes the next version.
    expect((await call('bureau', 'POST', '/admin/forms', { template: { ...fireSafety, id: 'fire-safety-d1', version: 2 } })).statusCode).toBe(201)
    expect((await formsOf('school1')).filter((form) => form.id === 'fire-safety-d1').map((form) => form.version)).toEqual([2])
  })

  it('a district’s periodic form is not another district’s to read, set deadlines for or count', async () => {
    const survey: FormTemplate = { ...homeVisits, id: 'home-visits-d1', title: { zh: '示范区家访', en: 'District 1 home visits' } }
    expect((await call('bureau', 'POST', '/admin/forms', { template: survey })).statusCode).toBe(201)
    expect((await call('bureau2', 'GET', '/reports/completeness?formId=home-visits-d1&period=2026-T1')).statusCode).toBe(404)
    expect((await call('bureau2', 'GET', '/exports/completeness.csv?formId=home-visits-d1&period=2026-T1')).statusCode).toBe(404)
    expect((await call('bureau2', 'PUT', '/admin/deadlines', { formId: 'home-visits-d1', period: '2026-T1', dueAt: '2026-04-01T00:00:00+08:00' })).statusCode).toBe(404)
    expect((await call('bureau2', 'PUT', '/reports/deadlines', { formId: 'home-visits-d1', period: '2026-T1', dueAt: '2026-04-01T00:00:00+08:00' })).statusCode).toBe(404)
    // Nor may an admin set district 2 a deadline on district 1's form.
    expect((await call('admin', 'PUT', '/admin/deadlines', { formId: 'home-visits-d1', period: '2026-T1', dueAt: '2026-04-01T00:00:00+08:00', districtId: 'district-2' })).statusCode).toBe(404)
    const overview = (await call('bureau2', 'GET', '/reports/overview')).json() as { forms: { formId: string }[] }
    expect(overview.forms.some((row) => row.formId === 'home-visits-d1')).toBe(false)
    // Issue 14: the overview lists what schedules expect, so the district schedules its form first.
    const rule = { formId: 'home-visits-d1', formVersion: null, recurrence: { kind: 'termly' }, due: { kind: 'days_after_end', days: 0 }, audience: { kinds: [], townships: [], schoolIds: [] }, validFrom: null, validTo: null }
    expect((await call('bureau2', 'POST', '/schedules', { title: survey.title, rule })).statusCode).toBe(400)
    expect((await call('bureau', 'POST', '/schedules', { title: survey.title, rule })).statusCode).toBe(201)
    const ours = (await call('bureau', 'GET', '/reports/overview')).json() as { forms: { formId: string }[] }
    expect(ours.forms.some((row) => row.formId === 'home-visits-d1')).toBe(true)
    expect((await call('bureau', 'GET', '/reports/completeness?formId=home-visits-d1&period=2026-T1')).statusCode).toBe(200)
  })

  it('an admin’s publish is global: every district’s schools get the new version', async () => {
    expect((await call('admin', 'POST', '/admin/forms', { template: { ...trafficSafety, version: 2 } })).statusCode).toBe(201)
    for (const who of ['school1', 'school6']) {
      expect((await formsOf(who)).filter((form) => form.id === 'traffic-safety').map((form) => form.version), who).toEqual([2])
    }
  })

  it('bureau2 cannot publish over a global pledge or district 1’s: refused, and district 1’s stays current and not overdue', async () => {
    expect((await call('bureau', 'POST', '/admin/pledges', pledgeBody('drowning-d1', 1))).statusCode).toBe(201)
    const overGlobal = await call('bureau2', 'POST', '/admin/pledges', pledgeBody(safeCampus, 2, '[点此签署](https://evil.example/)'))
    expect(overGlobal.statusCode).toBe(403)
    const overTheirs = await call('bureau2', 'POST', '/admin/pledges', { ...pledgeBody('drowning-d1', 2, '[点此签署](https://evil.example/)'), dueDate: '2000-01-01' })
    expect(overTheirs.statusCode).toBe(409)
    expect(overTheirs.json().error.message).toMatch(/另一个区.*another district/s)
    const listed = await pledgesOf('principal1')
    expect(listed.find((pledge) => pledge.id === 'drowning-d1-v1')).toMatchObject({ current: true })
    expect(listed.find((pledge) => pledge.id === `${safeCampus}-v1`)).toMatchObject({ current: true })
    expect(listed.some((pledge) => pledge.text.zh.includes('evil.example'))).toBe(false)
    const report = (await call('bureau', 'GET', '/reports/pledges?versionId=drowning-d1-v1')).json() as { pledge: { current: boolean }; totals: { overdue: number } }
    expect(report).toMatchObject({ pledge: { current: true }, totals: { overdue: 0 } })
  })

  it('a district’s pledge reaches its own schools and bureau only, and another district’s principal cannot sign it', async () => {
    expect((await pledgesOf('principal6')).some((pledge) => pledge.pledgeId === 'drowning-d1')).toBe(false)
    expect((await pledgesOf('bureau2')).some((pledge) => pledge.pledgeId === 'drowning-d1')).toBe(false)
    expect(((await call('bureau2', 'GET', '/admin/pledges')).json().pledges as { pledgeId: string }[]).some((pledge) => pledge.pledgeId === 'drowning-d1')).toBe(false)
    const summary = (await call('bureau2', 'GET', '/reports/pledge-summary')).json() as { versions: { pledge: { pledgeId: string } }[] }
    expect(summary.versions.some((row) => row.pledge.pledgeId === 'drowning-d1')).toBe(false)
    expect(summary.versions.some((row) => row.pledge.pledgeId === safeCampus)).toBe(true)
    expect((await call('bureau2', 'GET', '/reports/pledges?versionId=drowning-d1-v1')).statusCode).toBe(404)

    const png = tinyPng(91, 92, 93)
    expect((await server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${sha256(png)}`, headers: { ...bearer(tokens['principal6'] ?? ''), 'content-type': 'image/png' }, payload: png })).statusCode).toBe(201)
    const textHash = (await pledgesOf('principal1')).find((pledge) => pledge.id === 'drowning-d1-v1')?.textHash ?? ''
    const signing = {
      id: uuidv7(), formId: 'pledge-signing', formVersion: 1, schoolId: 'school-6', subjectId: 'drowning-d1-v1',
      answers: { signerName: '临江校长', textHash, signature: sha256(png) }, attachments: [sha256(png)],
      startedAt: '2026-02-20T01:00:00.000Z', completedAt: '2026-02-20T01:05:00.000Z', deviceId: 'device-principal6',
    }
    const [result] = (await call('principal6', 'POST', '/submissions', { submissions: [signing] })).json().results as SubmitResult[]
    expect(result).toMatchObject({ status: 'rejected' })
    expect(await server.db.selectFrom('pledge_signatures').select('id').where('id', '=', signing.id).execute()).toEqual([])
  })

  it('every publish and refusal is in the owner’s audit log, and in no other district’s', async () => {
    const ours = await auditOf('bureau')
    expect(ours.some((entry) => entry.action === 'form_published' && entry.subjectId === 'fire-safety-d1@2')).toBe(true)
    expect(ours.some((entry) => entry.action === 'pledge_published' && entry.subjectId === 'drowning-d1-v1')).toBe(true)
    // The attempts over district 1's templates are shown to district 1, naming who tried.
    expect(ours.some((entry) => entry.action === 'form_publish_refused' && entry.actorId === 'user-bureau2' && entry.subjectId === 'fire-safety-d1@2')).toBe(true)
    expect(ours.some((entry) => entry.action === 'pledge_publish_refused' && entry.actorId === 'user-bureau2' && entry.subjectId === 'drowning-d1-v2')).toBe(true)
    const theirs = await auditOf('bureau2')
    expect(theirs.some((entry) => entry.subjectId === 'fire-safety-d1@2' || entry.subjectId === 'drowning-d1-v1')).toBe(false)
    // Global templates are the admin's: their publishes and the refused attempts on them are in the admin's log.
    const admins = await auditOf('admin')
    expect(admins.some((entry) => entry.action === 'form_published' && entry.subjectId === 'traffic-safety@2' && entry.districtId === null)).toBe(true)
    expect(admins.some((entry) => entry.action === 'form_publish_refused' && entry.subjectId === 'traffic-safety@2' && entry.actorId === 'user-bureau2')).toBe(true)
  })

  it('an admin may publish a new version of a district’s form; it stays that district’s and is logged where the district sees it', async () => {
    expect((await call('admin', 'POST', '/admin/forms', { template: { ...fireSafety, id: 'fire-safety-d1', version: 3 } })).statusCode).toBe(201)
    expect((await formsOf('school1')).filter((form) => form.id === 'fire-safety-d1').map((form) => form.version)).toEqual([3])
    expect((await formsOf('school6')).some((form) => form.id === 'fire-safety-d1')).toBe(false)
    expect((await auditOf('bureau')).some((entry) => entry.action === 'form_published' && entry.subjectId === 'fire-safety-d1@3' && entry.actorId === 'user-admin')).toBe(true)
  })

  it('a new id starts at version 1, so two districts claiming one name at once collide on the same row', async () => {
    const refused = await call('bureau2', 'POST', '/admin/forms', { template: { ...fireSafety, id: 'brand-new', version: 5 } })
    expect(refused.statusCode).toBe(400)
    expect((await call('bureau2', 'POST', '/admin/pledges', pledgeBody('brand-new-pledge', 3))).statusCode).toBe(400)
  })
})
