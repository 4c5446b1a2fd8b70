import type { ScheduleRule } from './schedules.js'
import type { Text } from './text.js'

/** POST /api/v1/schedules (a new schedule) and PUT /api/v1/schedules/:id (its next version). */
export type ScheduleRequest = {
  readonly title: Text
  readonly rule: ScheduleRule
  /** An admin names the district; a bureau's is its own. */
  readonly districtId?: string
}

/** One version of a schedule as the bureau sees it. */
export type ScheduleEntry = {
  readonly id: string
  readonly districtId: string
  readonly version: number
  readonly title: Text
  readonly rule: ScheduleRule
  readonly retired: boolean
  /** When this version was saved: it judges the periods that close after it. */
  readonly effectiveAt: string
  readonly savedBy: string | null
}

/** What a rule would expect today: the editor's "this will expect N schools, next due …". */
export type SchedulePreview = {
  readonly schools: number
  readonly notApplicable: number
  readonly next: { readonly period: string; readonly dueAt: string } | null
}

/** GET /api/v1/schedules: the newest version of each schedule in scope, with its current preview. */
export type SchedulesResponse = { readonly schedules: readonly (ScheduleEntry & { readonly preview: SchedulePreview })[] }

/** GET /api/v1/schedules/:id: every version, oldest first. */
export type ScheduleHistoryResponse = { readonly versions: readonly ScheduleEntry[] }

/** POST /api/v1/schedules/preview. */
export type SchedulePreviewRequest = { readonly rule: ScheduleRule; readonly districtId?: string }
