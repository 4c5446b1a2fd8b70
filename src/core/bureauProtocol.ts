/**
 * Wire types of the bureau's workspace: administration and the dashboards' report queries.
 * Re-exported by protocol.ts, which stays the one place the client and server import from.
 */
import type { FormKind, PeriodKind } from './forms/types.js'
import type { PledgeAudience } from './pledges.js'
import type { CompletenessResponse, PledgeVersion, Role } from './protocol.js'
import type { Text } from './text.js'
import type { WarningLevel } from './warningLevel.js'

/** A school as the bureau manages it. */
export type AdminSchool = {
  readonly id: string
  readonly name: string
  readonly districtId: string
  readonly kind: string
  readonly township: string | null
  /** Accounts that belong to the school. */
  readonly users: number
}

export type AdminSchoolsResponse = { readonly schools: readonly AdminSchool[]; readonly districts: readonly { readonly id: string; readonly name: string }[] }

/** POST /api/v1/admin/schools; an admin names the district, a bureau's is its own. */
export type SchoolCreateRequest = {
  readonly name: string
  readonly kind: string
  readonly township?: string | null
  readonly districtId?: string
}

/** PATCH /api/v1/admin/schools/:id: a school never moves district. */
export type SchoolUpdateRequest = { readonly name?: string; readonly kind?: string; readonly township?: string | null }

export type AdminUser = {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly schoolId: string | null
  readonly districtId: string | null
  readonly disabled: boolean
  readonly createdAt: string
}

export type AdminUsersResponse = { readonly users: readonly AdminUser[] }

/** School roles name a school; inspector and bureau name a district (a bureau: its own). */
export type UserCreateRequest = {
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly password: string
  readonly schoolId?: string | null
  readonly districtId?: string | null
}

export type UserUpdateRequest = {
  readonly displayName?: string
  readonly role?: Role
  readonly schoolId?: string | null
  readonly disabled?: boolean
}

/** POST /api/v1/admin/users/:id/password: signs the user out everywhere. */
export type PasswordResetRequest = { readonly password: string }

export type AdminFormVersion = {
  readonly id: string
  readonly version: number
  readonly kind: FormKind
  readonly title: Text
  readonly period: PeriodKind | null
  /** Phones get only the active (newest) version; older ones still validate their reports. */
  readonly active: boolean
  readonly publishedAt: string
  readonly publishedBy: string | null
  /** The district that owns this form id; null: global (the admin's), read-only for a bureau. */
  readonly ownerDistrictId: string | null
  readonly reports: number
}

export type AdminFormsResponse = { readonly forms: readonly AdminFormVersion[] }

/** GET /api/v1/admin/pledges: a pledge version with the district that owns its id (null: global). */
export type AdminPledgeVersion = PledgeVersion & { readonly ownerDistrictId: string | null }

/** POST /api/v1/admin/forms: the template JSON, checked by core checkTemplate before it goes live. */
export type PublishFormRequest = { readonly template: unknown }

export type DeadlineEntry = {
  readonly districtId: string
  readonly formId: string
  readonly period: string
  readonly dueAt: string
  readonly setBy: string | null
  readonly setAt: string
}

export type DeadlinesResponse = { readonly deadlines: readonly DeadlineEntry[] }

/** POST /api/v1/admin/pledges: a new pledge, or a new version of one (texts never change). */
export type PublishPledgeRequest = {
  readonly pledgeId: string
  readonly version: number
  readonly year: number
  readonly audience: PledgeAudience
  readonly title: Text
  readonly text: Text
  readonly dueDate: string
}

/** GET /api/v1/reports/overview: the current period of every schedule (and each deadline) in scope, with its counts. */
export type CompletenessOverviewRow = {
  readonly formId: string
  readonly title: Text
  /** Schedules also run weekly (2026-W19), beside the forms' own month, term and year. */
  readonly periodKind: PeriodKind | 'week'
  readonly period: string
  /** The latest deadline among the districts in scope. */
  readonly dueAt: string | null
  /** Schools that owe it (not-applicable ones left out). */
  readonly schools: number
  readonly totals: CompletenessResponse['totals']
}

export type CompletenessOverview = { readonly forms: readonly CompletenessOverviewRow[] }

/** One hazard on the bureau's board, judged against today. */
export type HazardBoardRow = {
  readonly id: string
  readonly schoolId: string
  readonly schoolName: string
  readonly formId: string
  readonly subject: Text
  readonly item: Text
  readonly description: string
  readonly severity: 'low' | 'medium' | 'high'
  readonly status: 'open' | 'rectified' | 'closed'
  readonly deadline: string
  readonly responsible: string | null
  readonly createdAt: string
  readonly updatedAt: string
  readonly level: WarningLevel | null
  /** Days since it was found. */
  readonly ageDays: number
  /** Open and past its deadline: how many days; otherwise 0. */
  readonly daysOverdue: number
}

export type HazardCounts = { readonly open: number; readonly overdue: number; readonly rectified: number; readonly closed: number }

/**
 * GET /api/v1/reports/hazard-board: counts only. The rows come a page at a time from
 * /reports/hazard-board/rows; a city's every hazard in one reply was 21 MB and 15 s of painting.
 */
export type HazardBoard = {
  readonly today: string
  readonly totals: HazardCounts
  readonly byLevel: { readonly [level in WarningLevel]: number }
  readonly bySchool: readonly ({ readonly schoolId: string; readonly schoolName: string } & HazardCounts)[]
  readonly bySubject: readonly ({ readonly formId: string; readonly subject: Text } & HazardCounts)[]
  /** Per ISO week (its Monday, YYYY-MM-DD), oldest first: found and closed that week. */
  readonly trend: readonly { readonly week: string; readonly found: number; readonly closed: number }[]
}

export const HAZARD_BOARD_SORTS = ['overdue', 'deadline', 'age', 'school'] as const
export type HazardBoardSort = (typeof HAZARD_BOARD_SORTS)[number]
export type HazardBoardStatus = 'open' | 'overdue' | 'rectified' | 'closed'

/** GET /api/v1/reports/hazard-board/rows: one page of the board's table, filtered and sorted by the server. */
export type HazardBoardQuery = {
  readonly status?: HazardBoardStatus
  readonly level?: WarningLevel
  readonly schoolId?: string
  readonly formId?: string
  readonly sort?: HazardBoardSort
  /** 1-based. */
  readonly page?: number
  readonly pageSize?: number
}

export type HazardBoardPage = {
  readonly rows: readonly HazardBoardRow[]
  /** Rows matching the filters, on every page. */
  readonly total: number
  readonly page: number
  readonly pageSize: number
}

/** A canteen's grade moving between its two latest gradings of a term. */
export type GradeMove = {
  readonly schoolId: string
  readonly schoolName: string
  readonly from: string
  readonly to: string
  readonly date: string
  readonly direction: 'up' | 'down'
}

/** GET /api/v1/reports/canteen-summary?term. Grades: A, B, C, fail. */
export type CanteenSummary = {
  readonly term: string
  readonly schools: number
  /** Each school's latest grade up to the end of the term; schools never graded are `ungraded`. */
  readonly current: readonly { readonly grade: string; readonly schools: number }[]
  readonly ungraded: number
  /** The same, term by term, oldest first. */
  readonly byTerm: readonly { readonly term: string; readonly grades: readonly { readonly grade: string; readonly schools: number }[] }[]
  /** This term's upgrades and downgrades, against each school's grade before it. */
  readonly moves: readonly GradeMove[]
}

export type SurveyRateTotal = {
  readonly id: string
  readonly label: Text
  readonly percent: number | null
  readonly previous: number | null
  /** Percentage points since the previous period. */
  readonly change: number | null
}

/** GET /api/v1/reports/survey-totals?formId&period: current reports only. */
export type SurveyTotals = {
  readonly formId: string
  readonly title: Text
  readonly period: string
  readonly previousPeriod: string
  readonly schools: number
  readonly reported: number
  readonly fields: readonly { readonly id: string; readonly label: Text; readonly total: number; readonly previous: number | null }[]
  readonly rates: readonly SurveyRateTotal[]
  readonly bySchool: readonly {
    readonly schoolId: string
    readonly schoolName: string
    readonly submissionId: string | null
    readonly rates: readonly SurveyRateTotal[]
    readonly values: { readonly [fieldId: string]: number | null }
  }[]
}

/** GET /api/v1/reports/pledge-summary: signed share per version in scope, newest first. */
export type PledgeSummary = {
  readonly versions: readonly { readonly pledge: PledgeVersion; readonly schools: number; readonly signed: number; readonly overdue: number }[]
}
