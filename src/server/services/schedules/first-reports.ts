import type { Kysely } from 'kysely'
import { PLEDGE_SIGNING_FORM_ID } from '../../../core/pledges.js'
import type { Obligation } from '../../../core/schedules.js'
import { periodBounds } from '../../../core/shanghaiCalendar.js'
import type { Database } from '../../db/schema.js'
import { nextTurn } from '../next-turn.js'
import type { FormFacts } from './form-facts.js'

/** A school's reports that answer one obligation: timeliness is judged by the first. */
export type Reported = { readonly first: string; readonly current: string; readonly currentAt: string; readonly count: number }

/** Which submissions may answer: one school's (the to-do) or whole districts' (completeness). */
export type ReportWhere = { readonly kind: 'school'; readonly schoolId: string } | { readonly kind: 'districts'; readonly districtIds: readonly string[] }

/** Two pledges owed in one year are two obligations of the one pledge-signing form: the pledge is part of the key. */
export const obligationKey = (o: Pick<Obligation, 'schoolId' | 'formId' | 'period' | 'pledgeId'>): string => `${o.schoolId}\u0000${o.formId}\u0000${o.period}\u0000${o.pledgeId ?? ''}`

type Row = { id: string; school_id: string; received_at: string }

function add(map: Map<string, Reported>, key: string, row: Row): void {
  const prior = map.get(key)
  map.set(key, { first: prior?.first ?? row.received_at, current: row.id, currentAt: row.received_at, count: (prior?.count ?? 0) + 1 })
}

function earliestOpening(obligations: readonly Obligation[]): string {
  return obligations.reduce((min, o) => (o.opensAt < min ? o.opensAt : min), obligations[0]?.opensAt ?? '')
}

/**
 * The reports answering each obligation, by obligationKey, read in arrival order. How a report
 * meets an obligation depends on the form:
 * - periodic forms (surveys) name their period in the envelope;
 * - inspections and canteen checks carry no period: one counts for the period (of the
 *   schedule's cycle) that holds its completedAt in Asia/Shanghai — the day the check was done,
 *   not the day it finally reached the server — and is on time if it arrived by the due date;
 * - pledge signatures count for their pledge version's year.
 */
export async function firstReports(db: Kysely<Database>, obligations: readonly Obligation[], forms: ReadonlyMap<string, FormFacts>, where: ReportWhere): Promise<Map<string, Reported>> {
  const found = new Map<string, Reported>()
  // Pushed, never spread: a county's obligations of one form are thousands, and copying the list
  // for each one was quadratic.
  const byForm = new Map<string, Obligation[]>()
  for (const o of obligations) {
    const list = byForm.get(o.formId)
    if (list) list.push(o)
    else byForm.set(o.formId, [o])
  }
  for (const [index, [formId, owed]] of [...byForm].entries()) {
    // A turn between forms: the reads are synchronous on SQLite and a county-wide overview must not hold up other requests.
    if (index > 0) await nextTurn()
    const facts = forms.get(formId)
    if (formId === PLEDGE_SIGNING_FORM_ID) await pledgeReports(db, owed, where, found)
    else if (facts?.period !== null && facts?.period !== undefined) await periodReports(db, formId, owed, where, found)
    else await datedReports(db, formId, owed, where, found)
  }
  return found
}

async function periodReports(db: Kysely<Database>, formId: string, owed: readonly Obligation[], where: ReportWhere, found: Map<string, Reported>): Promise<void> {
  const periods = [...new Set(owed.map((o) => o.period))]
  let query = db.selectFrom('submissions').select(['id', 'school_id', 'received_at', 'period']).where('form_id', '=', formId).where('period', 'in', periods)
  query = where.kind === 'school' ? query.where('school_id', '=', where.schoolId) : query.where('district_id', 'in', where.districtIds)
  for (const row of await query.orderBy('received_at').orderBy('id').execute()) add(found, obligationKey({ schoolId: row.school_id, formId, period: row.period ?? '' }), row)
}

async function datedReports(db: Kysely<Database>, formId: string, owed: readonly Obligation[], where: ReportWhere, found: Map<string, Reported>): Promise<void> {
  // A check cannot arrive before its period opened; the bound keeps the read to one index range.
  let query = db.selectFrom('submissions').select(['id', 'school_id', 'received_at', 'completed_at']).where('form_id', '=', formId).where('period', 'is', null).where('received_at', '>=', earliestOpening(owed))
  query = where.kind === 'school' ? query.where('school_id', '=', where.schoolId) : query.where('district_id', 'in', where.districtIds)
  const rows = await query.orderBy('received_at').orderBy('id').execute()
  const periodsBySchool = new Map<string, { period: string; from: number; to: number }[]>()
  for (const o of owed) {
    const { opensAt, closesAt } = periodBounds(o.period)
    periodsBySchool.set(o.schoolId, [...(periodsBySchool.get(o.schoolId) ?? []), { period: o.period, from: opensAt.getTime(), to: closesAt.getTime() }])
  }
  for (const row of rows) {
    const done = Date.parse(row.completed_at)
    for (const slot of new Map((periodsBySchool.get(row.school_id) ?? []).map((item) => [item.period, item])).values()) {
      if (done >= slot.from && done < slot.to) add(found, obligationKey({ schoolId: row.school_id, formId, period: slot.period }), row)
    }
  }
}

async function pledgeReports(db: Kysely<Database>, owed: readonly Obligation[], where: ReportWhere, found: Map<string, Reported>): Promise<void> {
  const years = [...new Set(owed.map((o) => Number(o.period.slice(0, 4))))]
  let query = db
    .selectFrom('pledge_signatures as ps')
    .innerJoin('pledge_versions as pv', 'pv.id', 'ps.version_id')
    .innerJoin('schools as s', 's.id', 'ps.school_id')
    .select(['ps.id', 'ps.school_id', 'ps.received_at', 'pv.year', 'pv.pledge_id'])
    .where('pv.year', 'in', years)
  query = where.kind === 'school' ? query.where('ps.school_id', '=', where.schoolId) : query.where('s.district_id', 'in', where.districtIds)
  const rows = await query.orderBy('ps.received_at').orderBy('ps.id').execute()
  // By school: each signature is matched against its own school's obligations, not the district's.
  const bySchool = new Map<string, [string, Obligation][]>()
  for (const o of owed) {
    const entry: [string, Obligation] = [obligationKey(o), o]
    const list = bySchool.get(o.schoolId)
    if (list) list.push(entry)
    else bySchool.set(o.schoolId, [entry])
  }
  for (const row of rows) {
    for (const [key, o] of new Map(bySchool.get(row.school_id) ?? [])) {
      if (Number(o.period.slice(0, 4)) !== Number(row.year)) continue
      // A yearly letter is often a new pledge id each year (the demo's food-safety-2026): the schedule's id names the family.
      if (o.pledgeId === undefined || o.pledgeId === row.pledge_id || `${o.pledgeId}-${row.year}` === row.pledge_id) add(found, key, row)
    }
  }
}
