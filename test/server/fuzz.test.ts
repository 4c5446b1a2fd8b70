// Malformed input on every route: never a 5xx, always a clear 4xx with a stable code, and the
// database exactly as it was. The routes come from the app, so new ones are fuzzed too.
import type { InjectOptions } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allFields, defaultTemplates } from '../../src/core/forms/index.js'
import type { ErrorCode } from '../../src/core/protocol.js'
import { buildApp } from '../../src/server/app.js'
import { fireSafetyEnvelope } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

const codes: readonly ErrorCode[] = ['validation_failed', 'bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'too_many_requests', 'payload_too_large', 'unsupported_media_type']

/** A numeric parameter a route declares in its querystring or body schema, with its bounds. */
type NumericParam = { name: string; minimum?: number; maximum?: number }
type Route = { method: string; url: string; hasBody: boolean; numericQuery: NumericParam[]; numericBody: NumericParam[] }
type Case = { name: string; request: InjectOptions }

function deep(depth: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

const badParams = ['%00', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(3000), '%FF%FE%FD', '__proto__', 'constructor', '%E9%9A%90%E6%82%A3', '-1', 'a b', '%27%20or%201%3D1--']
const badQueries = ['__proto__[x]=1', 'constructor[prototype][x]=1', 'limit=99999999999999999999', 'limit=-5', 'limit=abc', `schoolId=${'s'.repeat(5000)}`, 'status=%00', 'unknown=1', 'schoolId=a&schoolId=b', 'period=2026-13', 'formId=%FF']
const badBodies: { name: string; payload: string | Buffer; type?: string }[] = [
  { name: 'an array', payload: '[1,2,3]' },
  { name: 'a number', payload: '42' },
  { name: 'a string', payload: '"text"' },
  { name: 'null', payload: 'null' },
  { name: 'an empty object', payload: '{}' },
  { name: 'truncated JSON', payload: '{"submissions": [' },
  { name: 'a __proto__ key', payload: '{"__proto__": {"isAdmin": true}, "username": "x", "password": "y"}' },
  { name: 'a constructor.prototype key', payload: '{"constructor": {"prototype": {"isAdmin": true}}}' },
  { name: 'deep nesting', payload: JSON.stringify({ submissions: [deep(2000)], template: deep(2000), username: deep(200) }) },
  { name: 'a huge string', payload: JSON.stringify({ username: 'u'.repeat(200_000), password: 'p', name: 'n'.repeat(200_000), displayName: 'd'.repeat(200_000) }) },
  { name: 'a huge array', payload: JSON.stringify({ submissions: Array.from({ length: 5000 }, () => ({})) }) },
  { name: 'bad UTF-8 bytes', payload: Buffer.concat([Buffer.from('{"username":"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('","password":"x"}')]) },
  { name: 'a NUL character', payload: '{"username":"ad\\u0000min","password":"x","name":"\\u0000","township":"\\u0000"}' },
  { name: 'wrong types everywhere', payload: '{"username": 1, "password": [], "submissions": "all", "name": {}, "kind": 7, "role": true, "template": [], "action": 3, "password2": null}' },
  { name: 'a text/plain body', payload: 'username=admin', type: 'text/plain' },
  { name: 'an XML body', payload: '<a>1</a>', type: 'application/xml' },
  { name: 'a form body', payload: 'username=admin&password=x', type: 'application/x-www-form-urlencoded' },
  { name: 'an oversized body', payload: JSON.stringify({ submissions: [{ answers: { remarks: 'x'.repeat(9 * 1024 * 1024) } }] }) },
]

/** Malformed envelopes: each must come back rejected, never accepted. */
function badEnvelopes(): unknown[] {
  const good = fireSafetyEnvelope()
  const without = (key: string) => Object.fromEntries(Object.entries(good).filter(([name]) => name !== key))
  return [
    without('id'), without('formId'), without('answers'), without('schoolId'), without('completedAt'),
    { ...good, id: 'not-a-uuid' }, { ...good, id: 'x'.repeat(5000) }, { ...good, formVersion: '1' }, { ...good, formVersion: 99 },
    { ...good, formId: 'no-such-form' }, { ...good, schoolId: 'school-404' }, { ...good, answers: [] }, { ...good, answers: 'all good' },
    { ...good, answers: { ...good.answers, exits: { result: 'maybe' } } }, { ...good, answers: { ...good.answers, checkDate: '2026-02-30' } },
    { ...good, attachments: ['0'.repeat(64)] }, { ...good, attachments: ['not-a-hash'] }, { ...good, attachments: 'x' },
    { ...good, startedAt: 'yesterday' }, { ...good, location: { lat: 999, lng: 0 } }, { ...good, deviceId: 'd'.repeat(10_000) },
    { ...good, answers: { ...good.answers, remarks: 'r'.repeat(100_000) } }, { ...good, answers: { ...good.answers, exits: { result: 'pass', photos: Array.from({ length: 500 }, () => 'a'.repeat(64)) } } },
    null, 7, 'envelope', [],
  ]
}

// Values that parse (JSON) or coerce (query) to Infinity, -Infinity or NaN, and huge finite
// ones: a 4xx always for the first; for the second a 4xx when the parameter is bounded.
const nonFiniteNumbers = ['1e309', '-1e309', '1e400', 'Infinity', '-Infinity', '+Infinity', 'NaN', '-NaN']
const hugeNumbers = ['1e308', '-1e308', '9007199254740993', '1e21', '-9999999999999999999999']

function numericParams(schema: unknown): NumericParam[] {
  const properties = (schema as { properties?: Record<string, { type?: unknown; minimum?: number; maximum?: number }> } | undefined)?.properties ?? {}
  return Object.entries(properties)
    .filter(([, property]) => [property.type].flat().some((type) => type === 'integer' || type === 'number'))
    .map(([name, property]) => ({ name, ...(property.minimum === undefined ? {} : { minimum: property.minimum }), ...(property.maximum === undefined ? {} : { maximum: property.maximum }) }))
}

function outOfBounds(param: NumericParam, raw: string): boolean {
  const value = Number(raw)
  return (param.minimum !== undefined && value < param.minimum) || (param.maximum !== undefined && value > param.maximum)
}

/** A JSON text with a raw number (1e309 is no JSON.stringify output) where the placeholder string stood. */
function withRawNumber(value: unknown, raw: string): string {
  return JSON.stringify(value).replaceAll('"__NUMBER__"', raw)
}

type NumberCase = Case & { mustRefuse: boolean }

/** Every numeric query and body parameter of a route, with every non-finite and huge number. */
function numberCasesFor(route: Route, token: string): NumberCase[] {
  const headers = bearer(token)
  const method = route.method as NonNullable<InjectOptions['method']>
  const url = fill(route.url, route.url.includes('sha256') ? 'a'.repeat(64) : 'school-1')
  const cases: NumberCase[] = []
  for (const param of route.numericQuery) {
    for (const raw of [...nonFiniteNumbers, ...hugeNumbers]) {
      const mustRefuse = nonFiniteNumbers.includes(raw) || outOfBounds(param, raw)
      cases.push({ name: `query ${param.name}=${raw}`, mustRefuse, request: { method, url: `${url}?${param.name}=${encodeURIComponent(raw)}`, headers } })
    }
  }
  for (const param of route.numericBody) {
    for (const raw of nonFiniteNumbers.filter((value) => /^-?\d/.test(value))) {
      // As a JSON number and as a string the schema would coerce.
      for (const payload of [withRawNumber({ [param.name]: '__NUMBER__' }, raw), JSON.stringify({ [param.name]: raw })]) {
        cases.push({ name: `body ${payload}`, mustRefuse: true, request: { method, url, headers: { ...headers, 'content-type': 'application/json' }, payload } })
      }
    }
  }
  return cases
}

/** Every numeric answer of every form, and the envelope's own numbers, set to a non-finite number. */
function nonFiniteEnvelopes(): { name: string; payload: unknown }[] {
  const envelopes: { name: string; payload: unknown }[] = []
  for (const template of defaultTemplates) {
    for (const field of allFields(template)) {
      if (field.type !== 'integer' && field.type !== 'number') continue
      const good = fireSafetyEnvelope()
      envelopes.push({ name: `${template.id}.${field.id}`, payload: { ...good, formId: template.id, formVersion: template.version, answers: { [field.id]: '__NUMBER__' } } })
    }
  }
  const good = fireSafetyEnvelope()
  envelopes.push(
    { name: 'formVersion', payload: { ...good, formVersion: '__NUMBER__' } },
    { name: 'location', payload: { ...good, location: { lat: '__NUMBER__', lng: 114, accuracy: '__NUMBER__' } } },
    { name: 'a check note', payload: { ...good, answers: { ...good.answers, exits: { result: 'pass', note: '__NUMBER__' } } } },
  )
  return envelopes
}

function fill(url: string, value: string): string {
  return url.replace(/:[A-Za-z0-9_]+/g, value)
}

function casesFor(route: Route, token: string): Case[] {
  const headers = bearer(token)
  const cases: Case[] = []
  const base = fill(route.url, route.url.includes('sha256') ? 'a'.repeat(64) : 'school-1')
  const method = route.method as NonNullable<InjectOptions['method']>
  if (route.url.includes(':')) {
    for (const value of badParams) cases.push({ name: `param ${value.slice(0, 20)}`, request: { method, url: fill(route.url, value), headers } })
  }
  for (const query of badQueries) cases.push({ name: `query ${query.slice(0, 30)}`, request: { method, url: `${base}?${query}`, headers } })
  if (route.hasBody) {
    for (const body of badBodies) {
      // Sign-out takes no body: null and {} are valid there (and would sign the fuzzer out).
      if (route.url.endsWith('/auth/logout') && (body.payload === 'null' || body.payload === '{}')) continue
      cases.push({ name: `body: ${body.name}`, request: { method, url: base, headers: { ...headers, 'content-type': body.type ?? 'application/json' }, payload: body.payload } })
    }
  }
  return cases
}

async function rowCounts(server: TestServer, dialect: string): Promise<Record<string, number>> {
  const tables = dialect === 'sqlite'
    ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(server.db)).rows.map((row) => row.name)
    : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(server.db)).rows.map((row) => row.name)
  const counts: Record<string, number> = {}
  for (const table of tables.sort()) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(server.db)
    counts[table] = Number(rows[0]?.n ?? -1)
  }
  return counts
}

describe.each(dialects)('malformed input (%s)', (dialect) => {
  let server: TestServer
  let routes: Route[]
  let admin: string
  let staff: string

  beforeAll(async () => {
    server = await startServer(dialect, { maxBlobBytes: 64 * 1024 })
    admin = await server.login('admin', 'admin123')
    staff = await server.login('school1', 'school123')
    routes = []
    const probe = await buildApp(server.config, {
      onRoute: (route) => {
        if (!route.url.startsWith('/api/')) return
        const numericQuery = numericParams(route.schema?.querystring)
        const numericBody = numericParams(route.schema?.body)
        for (const method of [route.method].flat()) routes.push({ method, url: route.url, hasBody: ['POST', 'PUT', 'PATCH'].includes(method), numericQuery, numericBody })
      },
    })
    await probe.ready()
    await probe.close()
  }, 60_000)
  afterAll(() => server.close())

  it('every route declares schemas: params for its path, a body schema for writes (raw uploads excepted)', () => {
    const probe: string[] = []
    // Checked on the routes as registered, through a second app that records their schemas.
    expect(routes.length).toBeGreaterThan(10)
    return buildApp(server.config, {
      onRoute: (route) => {
        if (!route.url.startsWith('/api/')) return
        const methods = [route.method].flat()
        const name = `${methods.join(',')} ${route.url}`
        if (route.url.includes(':') && route.schema?.params === undefined) probe.push(`${name}: no params schema`)
        if (route.schema?.querystring === undefined) probe.push(`${name}: no querystring schema`)
        const writes = methods.some((method) => ['POST', 'PUT', 'PATCH'].includes(method))
        const raw = route.url === '/api/v1/attachments/:sha256' || route.url === '/api/v1/admin/forms/import'
        if (writes && !raw && route.schema?.body === undefined) probe.push(`${name}: no body schema`)
      },
    }).then(async (app) => {
      await app.ready()
      await app.close()
      expect(probe).toEqual([])
    })
  })

  it('at least 500 malformed requests get a clear 4xx with a stable code, never a 5xx, and change nothing', async () => {
    const before = await rowCounts(server, dialect)
    const failures: string[] = []
    let sent = 0
    const check = (name: string, status: number, body: string, method: string) => {
      sent += 1
      if (status < 400 || status >= 500) return void failures.push(`${name}: HTTP ${status} ${body.slice(0, 160)}`)
      if (method === 'HEAD') return
      const error = (JSON.parse(body) as { error?: { code?: string; message?: string } }).error
      if (!error || !codes.includes(error.code as ErrorCode) || typeof error.message !== 'string' || error.message === '') {
        failures.push(`${name}: HTTP ${status} without a stable error code: ${body.slice(0, 160)}`)
      }
    }
    for (const route of routes) {
      for (const token of [admin, staff]) {
        for (const item of casesFor(route, token)) {
          const response = await server.app.inject(item.request)
          check(`${route.method} ${route.url} ${item.name}`, response.statusCode, response.body, route.method)
        }
      }
    }
    // Envelopes: the batch is well-formed, each item is not; every one must be refused.
    for (const envelope of badEnvelopes()) {
      const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(staff), payload: { submissions: [envelope] } })
      sent += 1
      const results = response.statusCode === 200 ? (response.json().results as { status: string; error?: { code: string } }[]) : []
      if (response.statusCode >= 500) failures.push(`envelope ${JSON.stringify(envelope).slice(0, 80)}: HTTP ${response.statusCode}`)
      else if (response.statusCode === 200 && !results.every((result) => result.status === 'rejected' && codes.includes(result.error?.code as ErrorCode))) {
        failures.push(`envelope ${JSON.stringify(envelope).slice(0, 80)}: ${JSON.stringify(results).slice(0, 160)}`)
      } else if (response.statusCode !== 200) check(`envelope ${JSON.stringify(envelope).slice(0, 60)}`, response.statusCode, response.body, 'POST')
    }
    // Uploads: bytes that do not match their hash, that are no image, too large, of a wrong type.
    const png = tinyPng(1, 2, 3)
    const uploads: [string, string, Buffer, string][] = [
      ['bytes that do not match the hash', sha256(tinyPng(9, 9, 9)), png, 'image/png'],
      ['text sent as a PNG', sha256(Buffer.from('not an image')), Buffer.from('not an image'), 'image/png'],
      ['a PNG sent as text', sha256(png), png, 'text/plain'],
      ['a PNG sent as JSON', sha256(png), png, 'application/json'],
      ['a body over the size limit', sha256(Buffer.alloc(100 * 1024, 1)), Buffer.alloc(100 * 1024, 1), 'image/png'],
      ['an upper-case hash', sha256(png).toUpperCase(), png, 'image/png'],
      ['a short hash', sha256(png).slice(0, 63), png, 'image/png'],
      ['an empty body', sha256(Buffer.alloc(0)), Buffer.alloc(0), 'image/png'],
    ]
    for (const [name, hash, bytes, type] of uploads) {
      const response = await server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${hash}`, headers: { ...bearer(staff), 'content-type': type }, payload: bytes })
      check(`upload: ${name}`, response.statusCode, response.body, 'PUT')
    }
    console.log(`fuzz (${dialect}): ${sent} malformed requests over ${routes.length} routes, ${failures.length} failures`)
    expect(failures).toEqual([])
    expect(sent).toBeGreaterThanOrEqual(500)
    // A well-formed sign-in with a wrong password (bad UTF-8 decodes to U+FFFD) is a failed
    // sign-in, audit-logged and counted by the lockout by design; nothing else may have been written.
    const after = await rowCounts(server, dialect)
    const logged = await server.db.selectFrom('audit_log').select('action').orderBy('id').offset(before['audit_log'] ?? 0).limit(1000).execute()
    expect(logged.every((row) => row.action === 'sign_in_failed')).toBe(true)
    const counted = await server.db.selectFrom('login_events').select('kind').orderBy('id').offset(before['login_events'] ?? 0).limit(1000).execute()
    expect(counted.every((row) => row.kind === 'failed')).toBe(true)
    expect({ ...after, audit_log: 0, login_events: 0 }).toEqual({ ...before, audit_log: 0, login_events: 0 })
  }, 180_000)

  it('every numeric query and body parameter, and every numeric answer, refuses non-finite and out-of-range numbers without a 5xx', async () => {
    const before = await rowCounts(server, dialect)
    const failures: string[] = []
    let sent = 0
    let parameters = 0
    for (const route of routes) {
      parameters += route.numericQuery.length + route.numericBody.length
      for (const token of [admin, staff]) {
        for (const item of numberCasesFor(route, token)) {
          const response = await server.app.inject(item.request)
          sent += 1
          const name = `${route.method} ${route.url} ${item.name}`
          if (response.statusCode >= 500) failures.push(`${name}: HTTP ${response.statusCode} ${response.body.slice(0, 160)}`)
          else if (item.mustRefuse && response.statusCode < 400) failures.push(`${name}: HTTP ${response.statusCode}, not refused`)
          else if (response.statusCode >= 400 && route.method !== 'HEAD' && !codes.includes(response.json().error?.code as ErrorCode)) {
            failures.push(`${name}: HTTP ${response.statusCode} without a stable error code`)
          }
        }
      }
    }
    // Each bad report beside a good one: the bad one rejected alone, the good one stored.
    const stored: string[] = []
    for (const envelope of nonFiniteEnvelopes()) {
      for (const raw of [...nonFiniteNumbers, ...hugeNumbers, '2147483648', '-2147483649'].filter((value) => /^-?\d/.test(value))) {
        const mustRefuse = nonFiniteNumbers.includes(raw)
        const payload = { ...(envelope.payload as object), id: fireSafetyEnvelope().id }
        const good = fireSafetyEnvelope()
        const response = await server.app.inject({
          method: 'POST',
          url: '/api/v1/submissions',
          headers: { ...bearer(staff), 'content-type': 'application/json' },
          payload: withRawNumber({ submissions: [payload, good] }, raw),
        })
        sent += 1
        const name = `answer ${envelope.name}=${raw}`
        if (response.statusCode !== 200) {
          failures.push(`${name}: HTTP ${response.statusCode} ${response.body.slice(0, 160)}`)
          continue
        }
        const [bad, other] = response.json().results as { status: string; error?: { code: string } }[]
        // A huge finite number may be a valid answer (no max): then it is judged like any other.
        if (mustRefuse && (bad?.status !== 'rejected' || bad.error?.code !== 'validation_failed')) failures.push(`${name}: ${JSON.stringify(bad)}`)
        if (bad?.status === 'accepted') stored.push(payload.id)
        if (other?.status === 'accepted') stored.push(good.id)
        else failures.push(`${name}: the good report beside it was ${JSON.stringify(other)}`)
      }
    }
    console.log(`fuzz numbers (${dialect}): ${sent} requests over ${parameters} numeric parameters and ${nonFiniteEnvelopes().length} numeric answers, ${failures.length} failures`)
    expect(failures).toEqual([])
    expect(parameters).toBeGreaterThanOrEqual(3)
    // Only the good reports were written (plus their hazards: none, they pass every check).
    const after = await rowCounts(server, dialect)
    expect(after['submissions']).toBe((before['submissions'] ?? 0) + stored.length)
  }, 180_000)
})
