import type { FastifyInstance } from 'fastify'
import { v7 as uuidv7 } from 'uuid'
import { canteenGrading } from '../../src/core/forms/canteen.js'
import { hazardRectification } from '../../src/core/forms/hazard-rectification.js'
import { inspectionTemplates, surveyTemplates } from '../../src/core/forms/index.js'
import type { FormTemplate } from '../../src/core/forms/types.js'
import { deriveHazards, hazardId } from '../../src/core/hazards.js'
import { periodOf } from '../../src/core/periods.js'
import { MAX_BATCH, type SubmissionEnvelope, type SubmitResult } from '../../src/core/protocol.js'
import { SCHOOL_KINDS } from '../../src/core/schoolKinds.js'
import { seededRandom } from '../seededRandom.js'
import { countyAnswers } from './countyAnswers.js'

export type CountyClock = { now: Date }

export type CountySummary = { schools: number; users: number; reports: number; hazards: number; rectified: number; closed: number; refused: number }

const TOWNSHIPS = ['城关镇', '河口镇', '青山乡', '江口镇', '白沙镇', '石桥镇', '新华乡', '龙泉镇', '桃源乡', '清水镇', '东岗镇', '西坪乡']
// The mix of a Chinese county: mostly primary schools and kindergartens, a few of the rest.
const KIND_WEIGHTS: Record<(typeof SCHOOL_KINDS)[number], number> = {
  kindergarten: 30, primary: 40, junior_middle: 12, nine_year: 8, senior_high: 5, vocational: 3, special: 2,
}

function pickKind(random: () => number): (typeof SCHOOL_KINDS)[number] {
  let left = random() * 100
  for (const kind of SCHOOL_KINDS) {
    left -= KIND_WEIGHTS[kind]
    if (left < 0) return kind
  }
  return 'primary'
}

async function call<T>(app: FastifyInstance, token: string, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> {
  const response = await app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) })
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body.slice(0, 300)}`)
  return response.json() as T
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`)
  return (response.json() as { token: string }).token
}

type Planned = { envelope: SubmissionEnvelope; template: FormTemplate }

/**
 * A county as its bureau builds it and its schools fill it, through the real API of an in-process
 * app (inject): `schools` schools of every kind over 12 townships, one staff account each, then a
 * year ending at `clock.now`: monthly fire self-checks and one other inspection, two canteen
 * gradings, every survey for each of its periods, rectifications for half the hazards a month
 * later, and the bureau closing a third of those. The app's clock walks through the year, so
 * receivedAt, deadlines and overdue days look like a real year's.
 */
export async function seedCounty(app: FastifyInstance, clock: CountyClock, options: { schools: number; seed?: number; log?: (line: string) => void }): Promise<CountySummary> {
  const random = seededRandom(options.seed ?? 16)
  const log = options.log ?? (() => undefined)
  const end = new Date(clock.now)
  const bureau = await login(app, 'bureau', 'bureau123')
  const schoolIds: string[] = []
  for (let n = 0; n < options.schools; n++) {
    const kind = pickKind(random)
    const township = TOWNSHIPS[n % TOWNSHIPS.length] ?? TOWNSHIPS[0]
    const { school } = await call<{ school: { id: string } }>(app, bureau, 'POST', '/admin/schools', { name: `${township}第${n + 1}学校`, kind, township })
    schoolIds.push(school.id)
  }
  log(`${schoolIds.length} schools`)
  // One staff account per school (argon2 hashing runs on libuv's pool: a few at a time).
  let users = 0
  for (let start = 0; start < schoolIds.length; start += 8) {
    await Promise.all(schoolIds.slice(start, start + 8).map(async (schoolId, offset) => {
      await call(app, bureau, 'POST', '/admin/users', { username: `county${start + offset + 1}`, displayName: `安全员${start + offset + 1}`, role: 'staff', password: 'county-staff-1', schoolId })
      users += 1
    }))
  }
  log(`${users} users`)
  // Inspectors may file for any school of their district: one token files the whole county.
  const inspector = await login(app, 'inspector', 'inspector123')
  const summary: CountySummary = { schools: schoolIds.length, users, reports: 0, hazards: 0, rectified: 0, closed: 0, refused: 0 }
  let lastFound: { id: string; schoolId: string }[] = []
  const others = inspectionTemplates.filter((template) => template.id !== 'fire-safety')
  const fire = inspectionTemplates.find((template) => template.id === 'fire-safety')
  if (!fire) throw new Error('no fire-safety template')

  for (let month = 11; month >= 0; month--) {
    const at = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - month, 1, 2))
    clock.now = at
    const day = at.toISOString().slice(0, 10)
    const planned: Planned[] = []
    const plan = (template: FormTemplate, schoolId: string, failRate: number, extra: Partial<SubmissionEnvelope> = {}) => {
      const answers = countyAnswers(template, day, random, failRate)
      if (!answers) return
      const period = template.period === undefined ? {} : { period: periodOf(at, template.period) }
      planned.push({
        template,
        envelope: { id: uuidv7(), formId: template.id, formVersion: template.version, schoolId, answers, attachments: [], ...period,
          startedAt: at.toISOString(), completedAt: at.toISOString(), deviceId: `county-${schoolId}`, ...extra } as SubmissionEnvelope,
      })
    }
    for (const [index, schoolId] of schoolIds.entries()) {
      plan(fire, schoolId, 0.06)
      const other = others[(index + month) % others.length]
      if (other) plan(other, schoolId, 0.06)
      if (month === 9 || month === 3) plan(canteenGrading, schoolId, 0.05)
      for (const survey of surveyTemplates) {
        const due = survey.period === 'month' || (survey.period === 'term' && (month === 8 || month === 2)) || (survey.period === 'year' && month === 2)
        if (due) plan(survey, schoolId, 0)
      }
    }
    // Half of last month's hazards come back rectified.
    const rectifying = lastFound.filter(() => random() < 0.5)
    for (const hazard of rectifying) {
      plan(hazardRectification, hazard.schoolId, 0, { subjectId: hazard.id })
      const last = planned.at(-1)
      if (last?.envelope.subjectId === hazard.id) last.envelope = { ...last.envelope, answers: { ...last.envelope.answers, rectifiedOn: day } }
    }
    const found: { id: string; schoolId: string }[] = []
    for (let start = 0; start < planned.length; start += MAX_BATCH) {
      const batch = planned.slice(start, start + MAX_BATCH)
      const { results } = await call<{ results: SubmitResult[] }>(app, inspector, 'POST', '/submissions', { submissions: batch.map((item) => item.envelope) })
      for (const [index, result] of results.entries()) {
        const item = batch[index]
        if (!item) continue
        if (result.status !== 'accepted') {
          summary.refused += 1
          continue
        }
        summary.reports += 1
        if (item.template.kind === 'rectification') summary.rectified += 1
        for (const hazard of deriveHazards(item.template, item.envelope.answers)) {
          found.push({ id: hazardId(item.envelope.id, hazard.fieldId), schoolId: item.envelope.schoolId })
        }
      }
    }
    summary.hazards += found.length
    // The bureau checks a third of what came back rectified and closes it.
    for (const hazard of rectifying.filter(() => random() < 0.33)) {
      const response = await app.inject({ method: 'POST', url: `/api/v1/hazards/${encodeURIComponent(hazard.id)}/verify`, headers: { authorization: `Bearer ${bureau}` }, payload: { action: 'close' } })
      if (response.statusCode === 200) summary.closed += 1
    }
    lastFound = found
    log(`${day}: ${summary.reports} reports, ${summary.hazards} hazards, ${summary.refused} refused`)
  }
  clock.now = end
  return summary
}
