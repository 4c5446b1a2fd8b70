import type { Text } from './text.js'

/**
 * One line of a school user's 待办 (to-do): what the phone's first screen lists and
 * `GET /api/v1/todo` returns. Each kind of work is one case of this union, produced on the server
 * by one source (src/server/services/todo/), so a new kind (a report the bureau returned, an
 * emergency) is one more case and one more source, not a rewrite of the screen.
 *
 * Every item carries what the phone needs to show and order it offline, from the last pull:
 * a title, the date it is due (if any) and where one tap leads.
 */
export type TodoKind = 'report' | 'hazard' | 'pledge' | 'notice' | 'campaign' | 'reminder'

type TodoBase = {
  /** Stable across pulls (the phone keeps "seen" state and list positions by it). */
  readonly key: string
  readonly kind: TodoKind
  readonly title: Text
  /** ISO timestamp of the deadline in Asia/Shanghai (…T23:59:59+08:00), or null when none. */
  readonly dueAt: string | null
  /** The route on the phone one tap opens, e.g. `/new/fire-safety?period=2026-11` (starts or reopens a draft for that form and period), `/hazards/<id>`, `/pledges/<versionId>/sign`. */
  readonly link: string
}

/** A report a schedule or campaign expects from the school for a period. */
export type ReportTodo = TodoBase & {
  readonly kind: 'report'
  readonly formId: string
  readonly period: string
  /** Set when the item comes from a campaign (专项检查) rather than a standing schedule. */
  readonly campaignId?: string
}

/** An open hazard of the school's awaiting rectification. */
export type HazardTodo = TodoBase & { readonly kind: 'hazard'; readonly hazardId: string; readonly severity: 'low' | 'medium' | 'high' }

/** A pledge version the user has yet to sign. */
export type PledgeTodo = TodoBase & { readonly kind: 'pledge'; readonly versionId: string }

/** A notice (通知/通报) the school has not yet read. */
export type NoticeTodo = TodoBase & { readonly kind: 'notice'; readonly noticeId: string }

/** A campaign (专项检查) the school has not yet acknowledged (已阅). */
export type CampaignTodo = TodoBase & { readonly kind: 'campaign'; readonly campaignId: string }

/** A 催报 reminder from the bureau about a report still missing. */
export type ReminderTodo = TodoBase & { readonly kind: 'reminder'; readonly reminderId: string; readonly formId: string; readonly period: string }

export type TodoItem = ReportTodo | HazardTodo | PledgeTodo | NoticeTodo | CampaignTodo | ReminderTodo

/** GET /api/v1/todo (staff, principal): the signed-in user's to-do, ETag'd like forms. */
export type TodoResponse = { readonly items: readonly TodoItem[]; readonly generatedAt: string }
