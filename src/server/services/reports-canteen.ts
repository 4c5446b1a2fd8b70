import type { Kysely } from 'kysely'
import type { CanteenSummary, GradeMove } from '../../core/protocol.js'
import type { ReadScope } from '../auth/scope.js'
import type { Database } from '../db/schema.js'

const GRADES = ['A', 'B', 'C', 'fail'] as const
/** Worst to best; a threshold grade not listed ranks with 'fail'. */
const rank: Readonly<Record<string, number>> = { fail: 0, C: 1, B: 2, A: 3 }

type Grading = { school_id: string; name: string; term: string; grade: string; check_date: string }

function distribution(standing: ReadonlyMap<string, Grading>): { grade: string; schools: number }[] {
  const counts = new Map<string, number>(GRADES.map((grade) => [grade, 0]))
  for (const grading of standing.values()) counts.set(grading.grade, (counts.get(grading.grade) ?? 0) + 1)
  return [...counts].map(([grade, schools]) => ({ grade, schools }))
}

/**
 * Canteen grades across the schools in scope: each school stands at its latest grading, so the
 * distribution "at the end of a term" carries earlier grades forward. A move is a school whose
 * standing at the end of `term` differs from its standing before the term began.
 */
export async function canteenSummary(db: Kysely<Database>, scope: ReadScope, term: string): Promise<CanteenSummary> {
  // The district through the schools' district_id (its index), never its school ids as parameters.
  let schools = db.selectFrom('schools as s').select((eb) => eb.fn.countAll<string | number>().as('n'))
  if (scope.kind === 'district') schools = schools.where('s.district_id', '=', scope.districtId)
  if (scope.kind === 'school') schools = schools.where('s.id', '=', scope.schoolId)
  if (scope.kind === 'none') schools = schools.where((eb) => eb.lit(false))
  const schoolCount = Number((await schools.executeTakeFirst())?.n ?? 0)
  let query = db
    .selectFrom('canteen_grades as g')
    .innerJoin('schools as s', 's.id', 'g.school_id')
    .select(['g.school_id', 's.name', 'g.term', 'g.grade', 'g.check_date'])
    .where('g.term', '<=', term)
    .orderBy('g.check_date')
    .orderBy('g.received_at')
  if (scope.kind === 'district') query = query.where('s.district_id', '=', scope.districtId)
  if (scope.kind === 'school') query = query.where('g.school_id', '=', scope.schoolId)
  if (scope.kind === 'none') query = query.where((eb) => eb.lit(false))
  const gradings: Grading[] = await query.execute()

  const terms = [...new Set(gradings.map((grading) => grading.term))].sort()
  const standing = new Map<string, Grading>()
  const before = new Map<string, Grading>()
  const byTerm: CanteenSummary['byTerm'][number][] = []
  for (const each of terms) {
    if (each === term) for (const [school, grading] of standing) before.set(school, grading)
    // Gradings are in date order, so within a term the last one a school had wins.
    for (const grading of gradings.filter((candidate) => candidate.term === each)) standing.set(grading.school_id, grading)
    byTerm.push({ term: each, grades: distribution(standing) })
  }
  const moves: GradeMove[] = []
  for (const [school, now] of standing) {
    const earlier = before.get(school)
    if (now.term !== term || !earlier || (rank[now.grade] ?? 0) === (rank[earlier.grade] ?? 0)) continue
    moves.push({
      schoolId: school,
      schoolName: now.name,
      from: earlier.grade,
      to: now.grade,
      date: now.check_date,
      direction: (rank[now.grade] ?? 0) > (rank[earlier.grade] ?? 0) ? 'up' : 'down',
    })
  }
  return {
    term,
    schools: schoolCount,
    current: distribution(standing),
    ungraded: schoolCount - standing.size,
    byTerm,
    moves: moves.sort((a, b) => a.direction.localeCompare(b.direction) || a.schoolName.localeCompare(b.schoolName)),
  }
}
