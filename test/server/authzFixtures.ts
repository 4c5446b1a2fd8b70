import type { InjectOptions } from 'fastify'
import { v7 as uuidv7 } from 'uuid'
import type { Hazard, PledgesResponse, SubmitResult } from '../../src/core/protocol.js'
import { fireSafety } from '../../src/core/forms/index.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

/** Who calls: every role, and a bureau of the second district. */
export const callers = ['anonymous', 'staff', 'principal', 'inspector', 'bureau', 'bureau2', 'admin'] as const
export type Caller = (typeof callers)[number]

/** Whose data a request reaches for: school-1 (the school accounts' own), school-2 (same district), school-6 (district-2). */
export const targets = ['school-1', 'school-2', 'school-6'] as const
export type Target = (typeof targets)[number]
export const targetLabel: Record<Target, string> = { 'school-1': 'own school', 'school-2': 'other school', 'school-6': 'other district' }

const credentials: Record<Exclude<Caller, 'anonymous'>, [string, string]> = {
  staff: ['school1', 'school123'],
  principal: ['principal1', 'principal123'],
  inspector: ['inspector', 'inspector123'],
  bureau: ['bureau', 'bureau123'],
  bureau2: ['bureau2', 'bureau123'],
  admin: ['admin', 'admin123'],
}

const district1 = ['school-1', 'school-2', 'school-3', 'school-4', 'school-5']
export const districtOf = (school: Target): string => (school === 'school-6' ? 'district-2' : 'district-1')

/** The scope rule of src/server/auth/scope.ts, restated independently for the expectations. */
export function sees(caller: Caller, school: Target): boolean {
  switch (caller) {
    case 'anonymous':
      return false
    case 'staff':
    case 'principal':
      return school === 'school-1'
    case 'inspector':
    case 'bureau':
      return district1.includes(school)
    case 'bureau2':
      return school === 'school-6'
    case 'admin':
      return true
  }
}

/** One school's data: what a caller outside its scope must never see. */
export type SchoolData = {
  readonly submissionId: string
  readonly hazardId: string
  readonly photo: string
  readonly deviceId: string
  readonly signatureId: string
  /** An account made for the matrix at that school. */
  readonly userId: string
  /** A schedule of the school's district (issue 14): the district's, so school-1 and school-2 share it. */
  readonly scheduleId: string
  /** A notice and a campaign sent to that school alone. */
  readonly noticeId: string
  readonly campaignId: string
  /** A dead group message of the school's district (the bureau's retry acts on it). */
  readonly deadMessageId: string
}

export type Fixtures = {
  readonly tokens: Record<Caller, string | null>
  readonly data: Record<Target, SchoolData>
  readonly pledgeVersionId: string
  /** A new open campaign sent to that school alone (closing one is a one-time change). */
  freshCampaign(school: Target): Promise<string>
  /** Strings that identify a school's data; none may appear in a reply to a caller who may not see it. */
  secretsOf(school: Target): string[]
}

const filers: Record<Target, Exclude<Caller, 'anonymous'>> = { 'school-1': 'staff', 'school-2': 'inspector', 'school-6': 'bureau2' }

/** Reports with a photo and a hazard in each target school, and a signed pledge for each. */
export async function createFixtures(server: TestServer): Promise<Fixtures> {
  const tokens = { anonymous: null } as Record<Caller, string | null>
  for (const [caller, [username, password]] of Object.entries(credentials)) tokens[caller as Caller] = await server.login(username, password)
  const inject = (caller: Caller, options: Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> }) =>
    server.app.inject({ ...options, headers: { ...(options.headers ?? {}), ...bearer(tokens[caller] ?? '') } } as InjectOptions)

  const { pledges } = (await inject('admin', { method: 'GET', url: '/api/v1/pledges' })).json() as PledgesResponse
  const pledge = pledges[0]
  if (!pledge) throw new Error('the demo seed has no pledge')

  const data = {} as Record<Target, SchoolData>
  let colour = 40
  for (const school of targets) {
    const filer = filers[school]
    const png = tinyPng(colour++, 77, 99)
    const photo = sha256(png)
    await inject(filer, { method: 'PUT', url: `/api/v1/attachments/${photo}`, headers: { 'content-type': 'image/png' }, payload: png })
    const deviceId = `matrix-device-${school}`
    const envelope = fireSafetyEnvelope({
      schoolId: school,
      deviceId,
      attachments: [photo],
      answers: {
        ...passingAnswers(),
        exits: { result: 'pass', photos: [photo] },
        wiring: { result: 'fail', hazard: { description: `matrix hazard ${school}`, severity: 'high', deadline: '2026-04-01' } },
      },
    })
    const result = ((await inject(filer, { method: 'POST', url: '/api/v1/submissions', payload: { submissions: [envelope] } })).json().results as SubmitResult[])[0]
    if (result?.status !== 'accepted') throw new Error(`fixture report for ${school}: ${JSON.stringify(result)}`)
    const hazards = (await inject('admin', { method: 'GET', url: `/api/v1/hazards?schoolId=${school}` })).json().hazards as Hazard[]
    const hazard = hazards.find((item) => item.submissionId === envelope.id)
    if (!hazard) throw new Error(`no hazard for ${school}`)
    const deadMessageId = uuidv7()
    await server.db.insertInto('outbound_messages').values({
      id: deadMessageId, dedup_key: `matrix:${school}`, district_id: districtOf(school), webhook_id: `district:${districtOf(school)}`, channel: 'wecom',
      title: `matrix message ${school}`, payload: '{"title":"t","text":"t"}', state: 'dead', attempts: 8, next_attempt_at: new Date().toISOString(),
      lease_until: null, claim_token: null, last_error: 'HTTP 500', created_at: new Date().toISOString(), sent_at: null,
    }).execute()
    data[school] = { submissionId: envelope.id, hazardId: hazard.id, photo, deviceId, signatureId: '', userId: `user-matrix-${school}`, deadMessageId, scheduleId: '', noticeId: '', campaignId: '' }
  }

  // A signed pledge per school: principal1 signs for school-1 through the API; the other two are
  // copies of that row under their schools (there is no principal account for them in the demo).
  const signaturePng = tinyPng(200, 1, 2)
  const signature = sha256(signaturePng)
  await inject('principal', { method: 'PUT', url: `/api/v1/attachments/${signature}`, headers: { 'content-type': 'image/png' }, payload: signaturePng })
  const signing = {
    id: uuidv7(), formId: 'pledge-signing', formVersion: 1, schoolId: 'school-1', subjectId: pledge.id,
    answers: { signerName: '李校长', textHash: pledge.textHash, signature }, attachments: [signature],
    startedAt: '2026-02-20T01:00:00.000Z', completedAt: '2026-02-20T01:05:00.000Z', deviceId: 'matrix-device-principal',
  }
  const signed = ((await inject('principal', { method: 'POST', url: '/api/v1/submissions', payload: { submissions: [signing] } })).json().results as SubmitResult[])[0]
  if (signed?.status !== 'accepted') throw new Error(`fixture signing: ${JSON.stringify(signed)}`)
  const submissionRow = await server.db.selectFrom('submissions').selectAll().where('id', '=', signing.id).executeTakeFirstOrThrow()
  const signatureRow = await server.db.selectFrom('pledge_signatures').selectAll().where('id', '=', signing.id).executeTakeFirstOrThrow()
  data['school-1'] = { ...data['school-1'], signatureId: signing.id }

  // Accounts the admin routes may change (a password reset signs its owner out everywhere).
  for (const school of targets) {
    await server.db.insertInto('users').values({
      id: `user-matrix-${school}`, username: `matrix-${school}`, display_name: `matrix ${school}`, role: 'staff', school_id: school,
      district_id: districtOf(school), password_hash: 'x', disabled: 0, created_at: new Date().toISOString(),
    }).execute()
  }
  for (const [school, userId] of [['school-2', 'user-school2'], ['school-6', 'user-matrix-school-6']] as const) {
    const id = uuidv7()
    const deviceId = `matrix-device-${school}-pledge`
    const body = JSON.stringify({ ...(JSON.parse(submissionRow.body) as object), id, schoolId: school, deviceId })
    await server.db.insertInto('submissions').values({ ...submissionRow, id, body, school_id: school, district_id: districtOf(school), user_id: userId, device_id: deviceId }).execute()
    await server.db.insertInto('pledge_signatures').values({ ...signatureRow, id, school_id: school, user_id: userId, signing_key: `school:${school}` }).execute()
    data[school] = { ...data[school], signatureId: id }
  }

  // A form and a pledge each district owns: no reply to a caller outside that district may name
  // them (school-1 stands for district 1, whose outsiders are bureau2; school-6 for district 2).
  const ownedTemplates: Partial<Record<Target, string[]>> = {}
  for (const [school, publisher, prefix] of [['school-1', 'bureau', 'matrix-d1'], ['school-6', 'bureau2', 'matrix-d2']] as const) {
    const form = await inject(publisher, { method: 'POST', url: '/api/v1/admin/forms', payload: { template: { ...fireSafety, id: `${prefix}-form`, title: { zh: `${prefix}-form-title`, en: `${prefix}-form-title` } } } })
    const pledgeDoc = await inject(publisher, {
      method: 'POST', url: '/api/v1/admin/pledges',
      payload: { pledgeId: `${prefix}-pledge`, version: 1, year: 2026, audience: 'principal', title: { zh: `${prefix}-pledge-title`, en: `${prefix}-pledge-title` }, text: { zh: '责任', en: 'Duty' }, dueDate: '2026-12-31' },
    })
    if (form.statusCode !== 201 || pledgeDoc.statusCode !== 201) throw new Error(`fixture templates of ${publisher}: ${form.body} ${pledgeDoc.body}`)
    ownedTemplates[school] = [`${prefix}-form`, `${prefix}-pledge`]
  }

  // A schedule per district, for the /schedules/:id rows.
  for (const [publisher, schools] of [['bureau', ['school-1', 'school-2']], ['bureau2', ['school-6']]] as const) {
    const rule = { formId: 'fire-safety', formVersion: null, recurrence: { kind: 'monthly' }, due: { kind: 'day_of_next_month', day: 5 }, audience: { kinds: [], townships: [], schoolIds: [] }, validFrom: null, validTo: null }
    const created = await inject(publisher, { method: 'POST', url: '/api/v1/schedules', payload: { title: { zh: '消防', en: 'Fire' }, rule } })
    if (created.statusCode !== 201) throw new Error(`fixture schedule of ${publisher}: ${created.body}`)
    for (const school of schools) data[school] = { ...data[school], scheduleId: (created.json() as { schedule: { id: string } }).schedule.id }
  }
  // A notice and a campaign per school, sent to it alone by an admin: none may show outside its scope.
  const freshCampaign = async (school: Target): Promise<string> => {
    const response = await inject('admin', {
      method: 'POST', url: '/api/v1/campaigns',
      payload: { title: `matrix campaign ${school}`, instructions: 'check', formId: 'fire-safety', audience: { schoolIds: [school] }, opensOn: '2026-05-01', closesOn: '2026-05-31', districtId: districtOf(school) },
    })
    if (response.statusCode !== 201) throw new Error(`fixture campaign for ${school}: ${response.body}`)
    return (response.json() as { campaign: { id: string } }).campaign.id
  }
  for (const school of targets) {
    const notice = await inject('admin', {
      method: 'POST', url: '/api/v1/notices',
      payload: { kind: 'notice', title: `matrix notice ${school}`, body: 'read me', audience: { schoolIds: [school] }, districtId: districtOf(school) },
    })
    if (notice.statusCode !== 201) throw new Error(`fixture notice for ${school}: ${notice.body}`)
    data[school] = { ...data[school], noticeId: (notice.json() as { notice: { id: string } }).notice.id, campaignId: await freshCampaign(school) }
  }

  return {
    tokens,
    data,
    pledgeVersionId: pledge.id,
    freshCampaign,
    secretsOf(school) {
      const own = data[school]
      return [school, own.submissionId, own.hazardId, own.photo, own.deviceId, own.signatureId, own.userId, own.scheduleId, own.deadMessageId, `matrix hazard ${school}`, ...(ownedTemplates[school] ?? []),
        own.noticeId, own.campaignId, `matrix notice ${school}`, `matrix campaign ${school}`]
    },
  }
}
