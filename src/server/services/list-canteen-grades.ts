import type { Kysely } from 'kysely'
import type { CanteenGradeEntry, CanteenGradesResponse, GradeChange } from '../../core/protocol.js'
import type { ReadScope } from '../auth/scope.js'
import type { Database } from '../db/schema.js'

/** Grades from worst to best; a threshold grade not listed here ranks with 'fail'. */
const rank: Readonly<Record<string, number>> = { fail: 0, C: 1, B: 2, A: 3 }

function changeFrom(previous: string | undefined, grade: string): GradeChange {
  if (previous === undefined) return 'first'
  const before = rank[previous] ?? 0
  const now = rank[grade] ?? 0
  return now > before ? 'up' : now < before ? 'down' : 'same'
}

/** Each school's canteen grades in inspection order, each marked up, down or same against the one before. */
export async function listCanteenGrades(db: Kysely<Database>, scope: ReadScope): Promise<CanteenGradesResponse> {
  if (scope.kind === 'none') return { schools: [] }
  let query = db
    .selectFrom('canteen_grades')
    .innerJoin('schools', 'schools.id', 'canteen_grades.school_id')
    .select([
      'canteen_grades.submission_id',
      'canteen_grades.school_id',
      'schools.name',
      'canteen_grades.check_date',
      'canteen_grades.term',
      'canteen_grades.check_type',
      'canteen_grades.score',
      'canteen_grades.max_score',
      'canteen_grades.grade',
      'canteen_grades.meal_fee_share',
      'canteen_grades.received_at',
    ])
    .orderBy('canteen_grades.school_id')
    .orderBy('canteen_grades.check_date')
    .orderBy('canteen_grades.received_at')
  // The district through the schools' district_id, never its school ids as parameters.
  if (scope.kind === 'district') query = query.where('schools.district_id', '=', scope.districtId)
  if (scope.kind === 'school') query = query.where('canteen_grades.school_id', '=', scope.schoolId)
  const rows = await query.execute()
  const bySchool = new Map<string, { schoolId: string; schoolName: string; history: CanteenGradeEntry[] }>()
  for (const row of rows) {
    const school = bySchool.get(row.school_id) ?? { schoolId: row.school_id, schoolName: row.name, history: [] }
    bySchool.set(row.school_id, school)
    const score = Number(row.score)
    const maxScore = Number(row.max_score)
    school.history.push({
      submissionId: row.submission_id,
      date: row.check_date,
      term: row.term,
      checkType: row.check_type,
      score,
      maxScore,
      percent: maxScore === 0 ? 0 : Math.round((score / maxScore) * 1000) / 10,
      grade: row.grade,
      change: changeFrom(school.history.at(-1)?.grade, row.grade),
      mealFeeShare: row.meal_fee_share === null ? null : Number(row.meal_fee_share),
      receivedAt: row.received_at,
    })
  }
  return { schools: [...bySchool.values()] }
}
