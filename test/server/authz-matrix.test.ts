// Every API route × every role × own school / other school / other district. The routes come
// from the app itself (onRoute), so a route added without an entry here fails the test by name.
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/server/app.js'
import { fireSafetyEnvelope } from './envelopes.js'
import { callers, createFixtures, districtOf, sees, targetLabel, targets, type Caller, type Fixtures, type Target } from './authzFixtures.js'
import { dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

type Cell = { readonly caller: Caller; readonly target: Target }
type Request = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> }
type Outcome = number | string

type Entry = {
  /** false: the route has no school to aim at; one column is enough. */
  readonly scoped: boolean
  readonly request: (cell: Cell, fx: Fixtures) => Request | Promise<Request>
  readonly expect: (cell: Cell) => Outcome
  /** Turns a reply into what `expect` names; the status by default. */
  readonly outcome?: (response: LightMyRequestResponse) => Outcome
}

const signedIn = (ok: Outcome) => ({ caller }: Cell): Outcome => (caller === 'anonymous' ? 401 : ok)
/** Only these roles (admin always) get `ok`; other signed-in roles 403. */
const roles = (allowed: readonly Caller[], ok: Outcome = 200) => ({ caller }: Cell): Outcome =>
  caller === 'anonymous' ? 401 : caller === 'admin' || allowed.includes(caller) ? ok : 403
/** Within scope `ok`, outside `denied` (403 for a filter naming the school, 404 for a thing by id). */
const scoped = (ok: Outcome, denied: Outcome, allowed: readonly Caller[] = callers) => (cell: Cell): Outcome => {
  if (cell.caller === 'anonymous') return 401
  if (cell.caller !== 'admin' && !allowed.includes(cell.caller)) return 403
  return sees(cell.caller, cell.target) ? ok : denied
}
const districtRoles: readonly Caller[] = ['inspector', 'bureau', 'bureau2']
const bureauRoles: readonly Caller[] = ['bureau', 'bureau2']

let fresh = 0
const unique = () => `${Date.now().toString(36)}${(fresh++).toString(36)}`
const get = (url: string): Request => ({ method: 'GET', url })

/** The expectation for each route, keyed "METHOD /path" exactly as the app registers it. */
const entries: Record<string, Entry> = {
  'POST /api/v1/auth/login': {
    scoped: false,
    request: ({ caller }) => ({
      method: 'POST', url: '/api/v1/auth/login',
      payload: caller === 'anonymous' ? { username: 'nobody', password: 'x' } : { username: { staff: 'school1', principal: 'principal1', inspector: 'inspector', bureau: 'bureau', bureau2: 'bureau2', admin: 'admin' }[caller], password: { staff: 'school123', principal: 'principal123', inspector: 'inspector123', bureau: 'bureau123', bureau2: 'bureau123', admin: 'admin123' }[caller] },
    }),
    expect: ({ caller }) => (caller === 'anonymous' ? 401 : 200),
  },
  // Sign-out revokes the token it carries: it runs last (see the ordering below).
  'POST /api/v1/auth/logout': { scoped: false, request: () => ({ method: 'POST', url: '/api/v1/auth/logout' }), expect: signedIn(204) },
  'GET /api/v1/health': { scoped: false, request: () => get('/api/v1/health'), expect: () => 200 },
  'GET /api/v1/me': { scoped: false, request: () => get('/api/v1/me'), expect: signedIn(200) },
  'GET /api/v1/forms': { scoped: false, request: () => get('/api/v1/forms'), expect: signedIn(200) },
  'GET /api/v1/schools': { scoped: false, request: () => get('/api/v1/schools'), expect: signedIn(200) },
  'GET /api/v1/pledges': { scoped: false, request: () => get('/api/v1/pledges'), expect: signedIn(200) },
  // A school's own prefill list; the district's people have no use for it (issue 16).
  'GET /api/v1/reports/latest': { scoped: false, request: () => get('/api/v1/reports/latest'), expect: roles(['staff', 'principal']) },
  // The school's 待办 (issue 14): nobody outside a school owes anything, admins included.
  'GET /api/v1/todo': { scoped: false, request: () => get('/api/v1/todo'), expect: ({ caller }) => (caller === 'anonymous' ? 401 : caller === 'staff' || caller === 'principal' ? 200 : 403) },
  'GET /api/v1/audit': { scoped: false, request: () => get('/api/v1/audit?limit=200'), expect: roles(bureauRoles) },
  'POST /api/v1/submissions': {
    scoped: true,
    request: ({ target }) => ({ method: 'POST', url: '/api/v1/submissions', payload: { submissions: [fireSafetyEnvelope({ schoolId: target, deviceId: `matrix-post-${unique()}` })] } }),
    // Filing follows seeing: a report for a school out of scope is refused item by item.
    expect: scoped('200 accepted', '200 forbidden'),
    outcome: (response) => {
      if (response.statusCode !== 200) return response.statusCode
      const [result] = response.json().results as { status: string; error?: { code: string } }[]
      return `200 ${result?.status === 'rejected' ? (result.error?.code ?? '?') : (result?.status ?? '?')}`
    },
  },
  'GET /api/v1/submissions': { scoped: true, request: ({ target }) => get(`/api/v1/submissions?schoolId=${target}`), expect: scoped(200, 403) },
  'HEAD /api/v1/attachments/:sha256': {
    scoped: true,
    request: ({ target }, fx) => ({ method: 'HEAD', url: `/api/v1/attachments/${fx.data[target].photo}` }),
    // HEAD answers as GET does: knowing a hash is not holding the photo (hashes travel in exports).
    expect: scoped(200, 404),
  },
  'POST /api/v1/attachments/check': {
    scoped: true,
    request: ({ target }, fx) => ({ method: 'POST', url: '/api/v1/attachments/check', payload: { hashes: [fx.data[target].photo] } }),
    // The batch HEAD: another scope's photo is left out of `held`, as one never stored would be.
    expect: scoped('200 held', '200 not held'),
    outcome: (response) => (response.statusCode !== 200 ? response.statusCode : `200 ${(response.json().held as string[]).length === 1 ? 'held' : 'not held'}`),
  },
  'GET /api/v1/attachments/:sha256': {
    scoped: true,
    request: ({ target }, fx) => get(`/api/v1/attachments/${fx.data[target].photo}`),
    expect: scoped(200, 404),
  },
  'PUT /api/v1/attachments/:sha256': {
    scoped: false,
    request: () => {
      const png = tinyPng(Math.floor(Math.random() * 255), Math.floor(Math.random() * 255), fresh++ % 255)
      return { method: 'PUT', url: `/api/v1/attachments/${sha256(png)}`, headers: { 'content-type': 'image/png' }, payload: png }
    },
    expect: signedIn(201),
  },
  'GET /api/v1/hazards': { scoped: true, request: ({ target }) => get(`/api/v1/hazards?schoolId=${target}`), expect: scoped(200, 403) },
  'GET /api/v1/hazards/:id': { scoped: true, request: ({ target }, fx) => get(`/api/v1/hazards/${fx.data[target].hazardId}`), expect: scoped(200, 404) },
  'POST /api/v1/hazards/:id/verify': {
    scoped: true,
    request: ({ target }, fx) => ({ method: 'POST', url: `/api/v1/hazards/${fx.data[target].hazardId}/verify`, payload: { action: 'reopen', reason: 'matrix', deadline: '2026-05-01' } }),
    // Reopening an open hazard is refused as a conflict, after the scope check let it through.
    expect: scoped(409, 404, districtRoles),
  },
  'GET /api/v1/inspections': { scoped: true, request: ({ target }) => get(`/api/v1/inspections?schoolId=${target}`), expect: scoped(200, 403) },
  'GET /api/v1/reports/canteen-grades': { scoped: true, request: ({ target }) => get(`/api/v1/reports/canteen-grades?schoolId=${target}`), expect: scoped(200, 403) },
  'GET /api/v1/pledges/:versionId/signatures/:signatureId': {
    scoped: true,
    request: ({ target }, fx) => get(`/api/v1/pledges/${fx.pledgeVersionId}/signatures/${fx.data[target].signatureId}`),
    expect: scoped(200, 404),
  },
  'GET /api/v1/reports/pledges': { scoped: false, request: (_cell, fx) => get(`/api/v1/reports/pledges?versionId=${fx.pledgeVersionId}`), expect: roles(districtRoles) },
  'GET /api/v1/reports/overview': { scoped: false, request: () => get('/api/v1/reports/overview'), expect: roles(districtRoles) },
  'GET /api/v1/reports/hazard-board': { scoped: false, request: () => get('/api/v1/reports/hazard-board'), expect: roles(districtRoles) },
  'GET /api/v1/reports/hazard-board/rows': { scoped: true, request: ({ target }) => get(`/api/v1/reports/hazard-board/rows?schoolId=${target}`), expect: scoped(200, 403, districtRoles) },
  'GET /api/v1/reports/canteen-summary': { scoped: false, request: () => get('/api/v1/reports/canteen-summary'), expect: roles(districtRoles) },
  'GET /api/v1/reports/survey-totals': { scoped: false, request: () => get('/api/v1/reports/survey-totals?formId=enrolment&period=2026-T1'), expect: roles(districtRoles) },
  'GET /api/v1/reports/pledge-summary': { scoped: false, request: () => get('/api/v1/reports/pledge-summary'), expect: roles(districtRoles) },
  'GET /api/v1/reports/completeness': { scoped: false, request: () => get('/api/v1/reports/completeness?formId=enrolment&period=2026-T1'), expect: roles(districtRoles) },
  'PUT /api/v1/reports/deadlines': {
    scoped: true,
    request: ({ target }) => ({ method: 'PUT', url: '/api/v1/reports/deadlines', payload: { formId: 'enrolment', period: '2026-T1', dueAt: '2026-03-31T16:00:00.000Z', districtId: districtOf(target) } }),
    expect: scoped(200, 403, bureauRoles),
  },
  'GET /api/v1/exports/:file': { scoped: false, request: () => get('/api/v1/exports/fire-safety.csv'), expect: roles(districtRoles) },
  'GET /api/v1/exports/completeness.:format': { scoped: false, request: () => get('/api/v1/exports/completeness.csv?formId=enrolment&period=2026-T1'), expect: roles(districtRoles) },
  'GET /api/v1/exports/hazards.:format': { scoped: false, request: () => get('/api/v1/exports/hazards.csv'), expect: roles(districtRoles) },
  'GET /api/v1/admin/schools': { scoped: false, request: () => get('/api/v1/admin/schools'), expect: roles(bureauRoles) },
  'POST /api/v1/admin/schools': {
    scoped: true,
    request: ({ target }) => ({ method: 'POST', url: '/api/v1/admin/schools', payload: { name: `matrix school ${unique()}`, kind: 'primary', districtId: districtOf(target) } }),
    expect: scoped(201, 403, bureauRoles),
  },
  'PATCH /api/v1/admin/schools/:id': {
    scoped: true,
    request: ({ target }) => ({ method: 'PATCH', url: `/api/v1/admin/schools/${target}`, payload: { township: `matrix ${unique()}` } }),
    expect: scoped(200, 404, bureauRoles),
  },
  'GET /api/v1/admin/users': { scoped: false, request: () => get('/api/v1/admin/users'), expect: roles(bureauRoles) },
  'POST /api/v1/admin/users': {
    scoped: true,
    request: ({ target }) => ({ method: 'POST', url: '/api/v1/admin/users', payload: { username: `m${unique()}`, displayName: 'matrix', role: 'staff', schoolId: target, password: 'matrix-password-1' } }),
    expect: scoped(201, 404, bureauRoles),
  },
  'PATCH /api/v1/admin/users/:id': {
    scoped: true,
    request: ({ target }, fx) => ({ method: 'PATCH', url: `/api/v1/admin/users/${fx.data[target].userId}`, payload: { displayName: `matrix ${unique()}` } }),
    expect: scoped(200, 404, bureauRoles),
  },
  'POST /api/v1/admin/users/:id/password': {
    scoped: true,
    request: ({ target }, fx) => ({ method: 'POST', url: `/api/v1/admin/users/${fx.data[target].userId}/password`, payload: { password: 'matrix-password-2' } }),
    expect: scoped(204, 404, bureauRoles),
  },
  'GET /api/v1/admin/forms': { scoped: false, request: () => get('/api/v1/admin/forms'), expect: roles(bureauRoles) },
  'POST /api/v1/admin/forms': {
    scoped: false,
    // An invalid template: the role check comes first, the template check answers the rest.
    request: () => ({ method: 'POST', url: '/api/v1/admin/forms', payload: { template: { id: 'matrix' } } }),
    expect: roles(bureauRoles, 400),
  },
  // A version of the form the target's district owns (authzFixtures publishes one per district).
  'GET /api/v1/admin/forms/:id/versions/:version': {
    scoped: true,
    request: ({ target }) => get(`/api/v1/admin/forms/${districtOf(target) === 'district-2' ? 'matrix-d2' : 'matrix-d1'}-form/versions/1`),
    expect: scoped(200, 404, bureauRoles),
  },
  'GET /api/v1/admin/forms/:id/versions/:version/xlsx': {
    scoped: true,
    request: ({ target }) => get(`/api/v1/admin/forms/${districtOf(target) === 'district-2' ? 'matrix-d2' : 'matrix-d1'}-form/versions/1/xlsx`),
    expect: scoped(200, 404, bureauRoles),
  },
  'POST /api/v1/admin/forms/:id/versions/:version/retire': {
    scoped: true,
    request: ({ target }) => ({ method: 'POST', url: `/api/v1/admin/forms/${districtOf(target) === 'district-2' ? 'matrix-d2' : 'matrix-d1'}-form/versions/1/retire`, payload: {} }),
    expect: scoped(200, 404, bureauRoles),
  },
  // Not a workbook: the role check comes first, the file check answers the rest.
  'POST /api/v1/admin/forms/import': {
    scoped: false,
    request: () => ({ method: 'POST', url: '/api/v1/admin/forms/import', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from('not a workbook') }),
    expect: roles(bureauRoles, 400),
  },
  'POST /api/v1/admin/forms/preview': {
    scoped: false,
    request: () => ({ method: 'POST', url: '/api/v1/admin/forms/preview', payload: { template: { id: 'matrix' } } }),
    expect: roles(bureauRoles, 422),
  },
  'GET /api/v1/admin/deadlines': { scoped: false, request: () => get('/api/v1/admin/deadlines'), expect: roles(bureauRoles) },
  'PUT /api/v1/admin/deadlines': {
    scoped: true,
    request: ({ target }) => ({ method: 'PUT', url: '/api/v1/admin/deadlines', payload: { formId: 'enrolment', period: '2026-T1', dueAt: '2026-03-31T16:00:00.000Z', districtId: districtOf(target) } }),
    expect: scoped(200, 403, bureauRoles),
  },
  'GET /api/v1/schedules': { scoped: false, request: () => get('/api/v1/schedules'), expect: roles(districtRoles) },
  'GET /api/v1/schedules/:id': { scoped: true, request: ({ target }, fx) => get(`/api/v1/schedules/${fx.data[target].scheduleId}`), expect: scoped(200, 404, districtRoles) },
  'POST /api/v1/schedules': {
    scoped: false,
    // An empty rule: the role check comes first, the rule check answers the rest.
    request: () => ({ method: 'POST', url: '/api/v1/schedules', payload: { title: { zh: '矩阵', en: 'matrix' }, rule: {} } }),
    expect: roles(bureauRoles, 400),
  },
  'PUT /api/v1/schedules/:id': {
    scoped: true,
    request: ({ target }, fx) => ({
      method: 'PUT', url: `/api/v1/schedules/${fx.data[target].scheduleId}`,
      payload: { title: { zh: '矩阵', en: 'matrix' }, rule: { formId: 'fire-safety', formVersion: null, recurrence: { kind: 'monthly' }, due: { kind: 'day_of_next_month', day: 6 }, audience: { kinds: [], townships: [], schoolIds: [] }, validFrom: null, validTo: null } },
    }),
    expect: scoped(200, 404, bureauRoles),
  },
  // Retiring is one more version: a second retire answers the same retired version.
  'DELETE /api/v1/schedules/:id': { scoped: true, request: ({ target }, fx) => ({ method: 'DELETE', url: `/api/v1/schedules/${fx.data[target].scheduleId}` }), expect: scoped(200, 404, bureauRoles) },
  'POST /api/v1/schedules/preview': {
    scoped: true,
    request: ({ target }) => ({ method: 'POST', url: '/api/v1/schedules/preview', payload: { districtId: districtOf(target), rule: { formId: 'fire-safety', formVersion: null, recurrence: { kind: 'monthly' }, due: { kind: 'day_of_next_month', day: 5 }, audience: { kinds: [], townships: [], schoolIds: [] }, validFrom: null, validTo: null } } }),
    expect: scoped(200, 403, bureauRoles),
  },
  'GET /api/v1/admin/pledges': { scoped: false, request: () => get('/api/v1/admin/pledges'), expect: roles(bureauRoles) },
  'POST /api/v1/admin/pledges': {
    scoped: false,
    request: () => ({ method: 'POST', url: '/api/v1/admin/pledges', payload: { pledgeId: 'matrix', version: 1, year: 2026, audience: 'principal', title: { zh: ' ', en: ' ' }, text: { zh: ' ', en: ' ' }, dueDate: '2026-03-01' } }),
    expect: roles(bureauRoles, 400),
  },
  // Notices and campaigns (issue 14): a school sees only what was sent to it, a district its own.
  'GET /api/v1/notices': { scoped: false, request: () => get('/api/v1/notices'), expect: signedIn(200) },
  'POST /api/v1/notices': {
    scoped: true,
    request: ({ target }) => ({ method: 'POST', url: '/api/v1/notices', payload: { title: `matrix ${unique()}`, body: 'x', audience: { schoolIds: [target] }, districtId: districtOf(target) } }),
    expect: scoped(201, 403, bureauRoles),
  },
  'GET /api/v1/notices/:id': { scoped: true, request: ({ target }, fx) => get(`/api/v1/notices/${fx.data[target].noticeId}`), expect: scoped(200, 404) },
  'GET /api/v1/notices/:id/reads': { scoped: true, request: ({ target }, fx) => get(`/api/v1/notices/${fx.data[target].noticeId}/reads`), expect: scoped(200, 404, districtRoles) },
  'GET /api/v1/campaigns': { scoped: false, request: () => get('/api/v1/campaigns'), expect: signedIn(200) },
  'POST /api/v1/campaigns': {
    scoped: true,
    request: ({ target }) => ({
      method: 'POST', url: '/api/v1/campaigns',
      payload: { title: `matrix ${unique()}`, instructions: 'x', formId: 'fire-safety', audience: { schoolIds: [target] }, opensOn: '2026-05-01', closesOn: '2026-05-31', districtId: districtOf(target) },
    }),
    expect: scoped(201, 403, bureauRoles),
  },
  'GET /api/v1/campaigns/:id': { scoped: true, request: ({ target }, fx) => get(`/api/v1/campaigns/${fx.data[target].campaignId}`), expect: scoped(200, 404) },
  'GET /api/v1/campaigns/:id/progress': { scoped: true, request: ({ target }, fx) => get(`/api/v1/campaigns/${fx.data[target].campaignId}/progress`), expect: scoped(200, 404, districtRoles) },
  'GET /api/v1/campaigns/:id/progress.:format': { scoped: true, request: ({ target }, fx) => get(`/api/v1/campaigns/${fx.data[target].campaignId}/progress.csv`), expect: scoped(200, 404, districtRoles) },
  'POST /api/v1/campaigns/:id/close': {
    scoped: true,
    request: async ({ target }, fx) => ({ method: 'POST', url: `/api/v1/campaigns/${await fx.freshCampaign(target)}/close`, payload: { title: 'matrix bulletin', body: 'done' } }),
    expect: scoped(200, 404, bureauRoles),
  },
  // 催报 and outbound messages (issue 14): the bureau of the district, admins naming it.
  'POST /api/v1/reminders': {
    scoped: true,
    request: ({ target }) => ({ method: 'POST', url: '/api/v1/reminders', payload: { formId: 'enrolment', period: '2026-T1', districtId: districtOf(target) } }),
    expect: scoped(200, 403, bureauRoles),
  },
  'GET /api/v1/reminders': { scoped: false, request: () => get('/api/v1/reminders'), expect: roles(bureauRoles) },
  'POST /api/v1/outbound-messages/:id/retry': {
    scoped: true,
    request: ({ target }, fx) => ({ method: 'POST', url: `/api/v1/outbound-messages/${fx.data[target].deadMessageId}/retry` }),
    // The first caller in scope revives the dead letter; the next finds it no longer dead (409).
    expect: scoped('retried', 404, bureauRoles),
    outcome: (response) => ([200, 409].includes(response.statusCode) ? 'retried' : response.statusCode),
  },
  'GET /api/v1/reminder-settings': { scoped: true, request: ({ target }) => get(`/api/v1/reminder-settings?districtId=${districtOf(target)}`), expect: scoped(200, 403, bureauRoles) },
  'PUT /api/v1/reminder-settings': {
    scoped: true,
    request: ({ target }) => ({ method: 'PUT', url: `/api/v1/reminder-settings?districtId=${districtOf(target)}`, payload: { enabled: true, daysBefore: 2, daysAfter: 1, forms: {} } }),
    expect: scoped(200, 403, bureauRoles),
  },
  'GET /api/v1/webhooks': { scoped: false, request: () => get('/api/v1/webhooks'), expect: roles(bureauRoles) },
  'PUT /api/v1/webhooks': {
    scoped: true,
    request: ({ target }) => ({ method: 'PUT', url: '/api/v1/webhooks', payload: { channel: 'wecom', url: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=matrix-${unique()}`, schoolId: target } }),
    expect: scoped(200, 404, bureauRoles),
  },
  // Removing is idempotent: a robot already gone in scope still answers 204.
  'DELETE /api/v1/webhooks/:id': { scoped: true, request: ({ target }) => ({ method: 'DELETE', url: `/api/v1/webhooks/school:${target}` }), expect: scoped(204, 404, bureauRoles) },
}

type Route = { method: string; url: string }

/**
 * The entry for a route. Fastify answers HEAD for every GET by itself: that HEAD must answer
 * exactly as its GET (same status, no body), so it takes the GET's entry.
 */
function entryFor(route: Route): Entry | undefined {
  const own = entries[`${route.method} ${route.url}`]
  if (own !== undefined || route.method !== 'HEAD') return own
  const twin = entries[`GET ${route.url}`]
  return twin && { ...twin, request: async (cell, fx) => ({ ...(await twin.request(cell, fx)), method: 'HEAD' }), outcome: (response) => response.statusCode }
}

function unlisted(found: readonly Route[]): string[] {
  return found.filter((route) => entryFor(route) === undefined).map((route) => `${route.method} ${route.url}`)
}

async function collectRoutes(server: TestServer): Promise<Route[]> {
  const found: Route[] = []
  const probe = await buildApp(server.config, {
    onRoute: (route) => {
      for (const method of [route.method].flat()) if (route.url.startsWith('/api/')) found.push({ method, url: route.url })
    },
  })
  await probe.ready()
  await probe.close()
  return found
}

describe.each(dialects)('authorization matrix (%s)', (dialect) => {
  let server: TestServer
  let fx: Fixtures
  let routes: Route[]

  beforeAll(async () => {
    server = await startServer(dialect)
    fx = await createFixtures(server)
    routes = await collectRoutes(server)
  }, 120_000)
  afterAll(() => server.close())

  it('every route the app registers has an expectation here', () => {
    const missing = unlisted(routes)
    expect(missing, `routes without an authorization expectation (add them to test/server/authz-matrix.test.ts): ${missing.join(', ')}`).toEqual([])
    expect(routes.length).toBeGreaterThan(10)
  })

  it('every cell answers as expected and no reply carries data of a school out of the caller\'s scope', async () => {
    const mismatches: string[] = []
    const leaks: string[] = []
    let cells = 0
    // Sign-outs last: they revoke the tokens the other cells use.
    const ordered = [...routes].sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')))
    for (const route of ordered) {
      const key = `${route.method} ${route.url}`
      const entry = entryFor(route)
      if (entry === undefined) continue
      for (const caller of callers) {
        for (const target of entry.scoped ? targets : (['school-1'] as const)) {
          const cell = { caller, target }
          const request = await entry.request(cell, fx)
          const token = fx.tokens[caller]
          const response = await server.app.inject({ ...request, headers: { ...(request.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } } as InjectOptions)
          cells += 1
          const actual = (entry.outcome ?? ((reply: LightMyRequestResponse) => reply.statusCode))(response)
          const expected = entry.expect(cell)
          const where = `${key} as ${caller}${entry.scoped ? ` → ${targetLabel[target]} (${target})` : ''}`
          if (actual !== expected) mismatches.push(`${where}: expected ${expected}, got ${actual} ${response.body.slice(0, 120)}`)
          const asked = JSON.stringify(request)
          for (const school of targets) {
            if (sees(caller, school)) continue
            for (const secret of fx.secretsOf(school)) {
              if (!asked.includes(secret) && response.body.includes(secret)) leaks.push(`${where}: reply contains ${secret} of ${school}`)
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([])
    expect(leaks).toEqual([])
    console.log(`authorization matrix (${dialect}): ${routes.length} routes, ${cells} cells, ${mismatches.length} mismatches, ${leaks.length} leaks`)
  }, 120_000)

  it('a route the table does not know is named in the failure', () => {
    expect(unlisted([...routes, { method: 'DELETE', url: '/api/v1/new-thing/:id' }])).toEqual(['DELETE /api/v1/new-thing/:id'])
  })
})

