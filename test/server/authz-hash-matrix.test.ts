// Companion of authz-matrix.test.ts for hashes: knowing a blob's SHA-256 must never be enough to
// read it or to claim it. The cases are generated, not listed: every route whose schema takes a
// hash, and every hash-carrying field of every form the server serves (photo, signature, photos
// of a check, and the bare attachments list), as every caller, with hashes of every target
// school and a principal's pledge signature. A new route or form field that takes a hash is
// covered without touching this file; a route this file cannot drive fails by name.
import type { InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FormTemplate } from '../../src/core/forms/types.js'
import type { SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import { buildApp } from '../../src/server/app.js'
import { callers, createFixtures, sees, targets, type Caller, type Fixtures, type Target } from './authzFixtures.js'
import { dialects, startServer, type TestServer } from './harness.js'
import { answersWith, hashSlots, periodFor, referencedIn, type HashSlot } from './hashSlots.js'
import { sha256, tinyPng } from './images.js'

type HashRoute = { readonly method: string; readonly url: string }
/** A hash someone holds: which school's scope it belongs to. */
type Secret = { readonly hash: string; readonly owner: Target; readonly label: string }

const hashPattern = /\{64\}/
const attachmentCodes = ['attachmentNotUploaded', 'attachmentUnused', 'attachmentMissing']

/** Whether a JSON schema names a SHA-256 hex string anywhere (params, query or body). */
function takesHash(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false
  return Object.entries(schema).some(([key, value]) => (key === 'pattern' && typeof value === 'string' && hashPattern.test(value)) || takesHash(value))
}

/**
 * Routes that carry hashes the schema cannot show: a submission's answers and attachments are
 * checked per item by ingest (pledge signatures and rectification photos travel this way too).
 */
const bodyCarriers = new Set(['POST /api/v1/submissions'])

/** Routes that take a list of hashes in the body and answer with the ones the caller holds. */
const listCheckers = new Set(['POST /api/v1/attachments/check'])

async function hashRoutes(server: TestServer): Promise<HashRoute[]> {
  const found: HashRoute[] = []
  const probe = await buildApp(server.config, {
    onRoute: (route: RouteOptions) => {
      if (!route.url.startsWith('/api/')) return
      for (const method of [route.method].flat()) {
        if (takesHash(route.schema) || bodyCarriers.has(`${method} ${route.url}`)) found.push({ method, url: route.url })
      }
    },
  })
  await probe.ready()
  await probe.close()
  return found
}

/** Where a caller files its own reports (always within its scope). */
const home: Record<Caller, Target> = { anonymous: 'school-1', staff: 'school-1', principal: 'school-1', inspector: 'school-1', bureau: 'school-1', bureau2: 'school-6', admin: 'school-1' }

type Case = { readonly caller: Caller; readonly where: string; readonly envelope: SubmissionEnvelope; readonly expected: string }

function envelopeFor(template: FormTemplate, schoolId: Target, answers: Record<string, unknown>, attachments: string[], deviceId: string): SubmissionEnvelope {
  const period = periodFor(template)
  return {
    id: uuidv7(), formId: template.id, formVersion: template.version, schoolId, answers, attachments,
    startedAt: '2026-03-02T08:00:00.000Z', completedAt: '2026-03-02T08:20:00.000Z', deviceId,
    ...(period === undefined ? {} : { period }),
  } as SubmissionEnvelope
}

/**
 * What a batch item came to, as the cases name it: refused for its attachments, or not (accepted,
 * or refused later for a reason of its kind, e.g. a pledge signing by a role outside its audience).
 */
function outcomeOf(result: SubmitResult | undefined): string {
  if (!result) return 'missing'
  if (result.status !== 'rejected') return result.status === 'conflict' ? 'conflict' : 'attachments pass'
  const codes = (result.error.details?.issues ?? []).map((issue) => issue.code).filter((code) => attachmentCodes.includes(code))
  return codes.length > 0 ? `refused ${codes[0] ?? ''}` : 'attachments pass'
}

function submissionCases(templates: readonly FormTemplate[], secrets: readonly Secret[], owned: Record<Caller, string>): Case[] {
  const cases: Case[] = []
  let n = 0
  for (const template of templates) {
    for (const caller of callers.filter((who) => who !== 'anonymous')) {
      for (const secret of secrets) {
        const mine = sees(caller, secret.owner)
        // A report for the owning school when the caller may see it: it must not hand the photo to another school.
        const school = mine ? secret.owner : home[caller]
        const slots: (HashSlot | 'listed only')[] = [...hashSlots(template), 'listed only']
        for (const slot of slots) {
          const device = `hash-matrix-${n++}`
          const answers = slot === 'listed only' ? answersWith(template, undefined, undefined, owned[caller]) : answersWith(template, slot, secret.hash, owned[caller])
          const attachments = [...new Set([...referencedIn(template, answers), secret.hash])]
          const where = `${template.id}@${template.version} ${slot === 'listed only' ? 'attachments list only' : `${slot.type} ${slot.fieldId}`} with ${secret.label} as ${caller}`
          const expected = slot === 'listed only' ? 'refused attachmentUnused' : mine ? 'attachments pass' : 'refused attachmentNotUploaded'
          cases.push({ caller, where, envelope: envelopeFor(template, school, answers, attachments, device), expected })
        }
      }
    }
  }
  return cases
}

describe.each(dialects)('authorization matrix for blob hashes (%s)', (dialect) => {
  let server: TestServer
  let fx: Fixtures
  let routes: HashRoute[]
  let secrets: Secret[]
  let templates: FormTemplate[]
  /** A photo each caller uploaded itself, for the required photo and signature fields a case does not aim at. */
  const owned = {} as Record<Caller, string>

  beforeAll(async () => {
    server = await startServer(dialect)
    fx = await createFixtures(server)
    routes = await hashRoutes(server)
    const signing = await server.db.selectFrom('pledge_signatures').select('signature_sha256').where('id', '=', fx.data['school-1'].signatureId).executeTakeFirstOrThrow()
    secrets = [
      ...targets.map((target) => ({ hash: fx.data[target].photo, owner: target, label: `the photo of ${target}` })),
      { hash: signing.signature_sha256, owner: 'school-1' as const, label: 'the pledge signature of school-1' },
    ]
    // The forms every caller may file (the global ones): a district's own form is refused to the
    // other district as an unknown form before any hash is looked at (template-ownership.test.ts).
    const servedTo = async (caller: Caller): Promise<FormTemplate[]> => {
      const forms = await server.app.inject({ method: 'GET', url: '/api/v1/forms', headers: { authorization: `Bearer ${fx.tokens[caller] ?? ''}` } })
      return (forms.json() as { forms: FormTemplate[] }).forms
    }
    const lists = await Promise.all(callers.filter((who) => who !== 'anonymous').map(servedTo))
    const key = (template: FormTemplate) => `${template.id}@${template.version}`
    templates = (lists[0] ?? []).filter((template) => lists.every((list) => list.some((other) => key(other) === key(template))))
    let colour = 100
    for (const caller of callers.filter((who) => who !== 'anonymous')) {
      const png = tinyPng(colour++, 250, 250)
      owned[caller] = sha256(png)
      const put = await inject(caller, { method: 'PUT', url: `/api/v1/attachments/${owned[caller]}`, headers: { 'content-type': 'image/png' }, payload: png })
      if (put.statusCode !== 201) throw new Error(`upload as ${caller}: ${put.statusCode}`)
    }
  }, 120_000)
  afterAll(() => server.close())

  const inject = (caller: Caller, options: Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> }) => {
    const token = fx.tokens[caller]
    return server.app.inject({ ...options, headers: { ...(options.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } } as InjectOptions)
  }

  /** Each caller asks about every secret, one at a time and all at once: `held` names exactly those its scope holds. */
  async function listCheckMismatches(route: HashRoute): Promise<string[]> {
    const mismatches: string[] = []
    for (const caller of callers) {
      const asks = [...secrets.map((secret) => [secret]), secrets]
      for (const asked of asks) {
        const where = `${route.method} ${route.url} as ${caller} for ${asked.length === 1 ? asked[0]?.label : 'every secret at once'}`
        const response = await inject(caller, { method: 'POST', url: route.url, payload: { hashes: asked.map((secret) => secret.hash) } })
        if (caller === 'anonymous') {
          if (response.statusCode !== 401) mismatches.push(`${where}: expected 401, got ${response.statusCode}`)
          continue
        }
        const expected = asked.filter((secret) => sees(caller, secret.owner)).map((secret) => secret.hash).sort()
        const held = response.statusCode === 200 ? [...(response.json().held as string[])].sort() : `status ${response.statusCode}`
        if (JSON.stringify(held) !== JSON.stringify(expected)) mismatches.push(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(held)}`)
      }
    }
    return mismatches
  }

  it('finds the routes that take a hash, and can drive each of them', () => {
    const keys = routes.map((route) => `${route.method} ${route.url}`)
    expect(keys).toEqual(expect.arrayContaining(['GET /api/v1/attachments/:sha256', 'HEAD /api/v1/attachments/:sha256', 'PUT /api/v1/attachments/:sha256', 'POST /api/v1/attachments/check', 'POST /api/v1/submissions']))
    const undriven = routes.filter((route) => !bodyCarriers.has(`${route.method} ${route.url}`) && !['GET', 'HEAD', 'PUT'].includes(route.method) && !listCheckers.has(`${route.method} ${route.url}`))
    expect(undriven.map((route) => `${route.method} ${route.url}`), 'hash-taking routes this matrix cannot drive yet: teach it').toEqual([])
    expect(templates.some((template) => hashSlots(template).some((slot) => slot.type === 'signature'))).toBe(true)
  })

  it('a hash is attached only by a scope that holds it, in every hash field of every form, and never through the attachments list alone', async () => {
    const cases = submissionCases(templates, secrets, owned)
    const mismatches: string[] = []
    for (const caller of callers.filter((who) => who !== 'anonymous')) {
      const own = cases.filter((item) => item.caller === caller)
      for (let start = 0; start < own.length; start += 50) {
        const batch = own.slice(start, start + 50)
        const response = await inject(caller, { method: 'POST', url: '/api/v1/submissions', payload: { submissions: batch.map((item) => item.envelope) } })
        expect(response.statusCode).toBe(200)
        const results = response.json().results as SubmitResult[]
        batch.forEach((item, index) => {
          const actual = outcomeOf(results[index])
          if (actual !== item.expected) mismatches.push(`${item.where}: expected ${item.expected}, got ${actual} ${JSON.stringify(results[index]?.status === 'rejected' ? results[index].error : '').slice(0, 160)}`)
        })
      }
    }
    expect(mismatches).toEqual([])
    expect(cases.length).toBeGreaterThan(100)
    console.log(`hash matrix (${dialect}): ${templates.length} forms, ${cases.length} submission cases, ${mismatches.length} mismatches`)
  }, 120_000)

  it('after every attempt above, each route taking a hash in its URL answers a caller only about hashes its scope holds', async () => {
    const mismatches: string[] = []
    let colour = 1
    for (const route of routes.filter((item) => !bodyCarriers.has(`${item.method} ${item.url}`))) {
      if (listCheckers.has(`${route.method} ${route.url}`)) {
        mismatches.push(...(await listCheckMismatches(route)))
        continue
      }
      for (const caller of callers) {
        for (const secret of secrets) {
          const url = route.url.replace(':sha256', secret.hash)
          const where = `${route.method} ${route.url} as ${caller} for ${secret.label}`
          if (route.method === 'PUT') {
            // Naming the hash with other bytes proves nothing and grants nothing.
            const response = await inject(caller, { method: 'PUT', url, headers: { 'content-type': 'image/png' }, payload: tinyPng(colour++, 3, 3) })
            const expected = caller === 'anonymous' ? 401 : 400
            if (response.statusCode !== expected) mismatches.push(`${where}: expected ${expected}, got ${response.statusCode}`)
            continue
          }
          const response: LightMyRequestResponse = await inject(caller, { method: route.method as 'GET' | 'HEAD', url })
          const expected = caller === 'anonymous' ? 401 : sees(caller, secret.owner) ? 200 : 404
          if (response.statusCode !== expected) mismatches.push(`${where}: expected ${expected}, got ${response.statusCode}`)
        }
      }
    }
    expect(mismatches).toEqual([])
  }, 120_000)
})
