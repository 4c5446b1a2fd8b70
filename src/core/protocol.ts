/**
 * What travels between the phone and the server, API version 1. The server's route schemas
 * and the client's calls both use these types; nothing else defines the wire.
 */
import type { Answers, FormTemplate, GeoPoint, Severity } from './forms/types.js'
import type { ValidationIssue } from './validate.js'
import type { PledgeContent } from './pledges.js'
import type { SheetProblem } from './xlsform/sheets.js'

export type Role = 'staff' | 'principal' | 'inspector' | 'bureau' | 'admin'

export type ErrorCode =
  | 'validation_failed'
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_many_requests'
  | 'payload_too_large'
  | 'unsupported_media_type'
  /** A form workbook with mistakes: details.problems lists them by sheet, row and column. */
  | 'import_failed'
  | 'internal'

export type ApiError = {
  readonly code: ErrorCode
  readonly message: string
  readonly details?: { readonly issues?: readonly ValidationIssue[]; readonly problems?: readonly SheetProblem[] }
}

export type ErrorBody = { readonly error: ApiError }

export type User = {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly schoolId: string | null
  readonly districtId: string | null
}

export type LoginRequest = {
  readonly username: string
  readonly password: string
  /** What an earlier sign-in to this account on this device returned: lets it past the lockout. */
  readonly deviceToken?: string
}
export type LoginResponse = {
  readonly token: string
  readonly expiresAt: string
  readonly user: User
  /** Keep it per account on the device and send it with the next sign-in. */
  readonly deviceToken: string
}

export type School = {
  readonly id: string
  readonly name: string
  readonly districtId: string
  readonly kind: string
  readonly township: string | null
}

export type FormsResponse = { readonly forms: readonly FormTemplate[] }
export type SchoolsResponse = { readonly schools: readonly School[] }

/** The part of an outbox record that travels; its canonical JSON is what the digest covers. */
export type SubmissionEnvelope = {
  readonly id: string
  readonly formId: string
  readonly formVersion: number
  readonly schoolId: string
  readonly period?: string
  readonly subjectId?: string
  readonly answers: Answers
  readonly attachments: readonly string[]
  readonly location?: GeoPoint
  readonly startedAt: string
  readonly completedAt: string
  readonly deviceId: string
}

export const MAX_BATCH = 50

export type SubmitRequest = { readonly submissions: readonly SubmissionEnvelope[] }

export type SubmitStatus = 'accepted' | 'duplicate' | 'rejected' | 'conflict'

export type Receipt = {
  readonly id: string
  readonly status: 'accepted' | 'duplicate'
  readonly receivedAt: string
  readonly digest: string
}

export type SubmitResult =
  | Receipt
  | { readonly id: string; readonly status: 'rejected' | 'conflict'; readonly error: ApiError }

export type SubmitResponse = { readonly results: readonly SubmitResult[] }

export type StoredSubmission = SubmissionEnvelope & {
  readonly receivedAt: string
  readonly digest: string
  readonly userId: string
}

export type SubmissionsPage = {
  readonly submissions: readonly StoredSubmission[]
  readonly nextCursor: string | null
}

export type HazardStatus = 'open' | 'rectified' | 'closed'

/** One step in a hazard's life; the list is its history (隐患台账), oldest first. */
export type HazardEventKind = 'found' | 'rectified' | 'closed' | 'reopened'

export type HazardEvent = {
  readonly id: string
  readonly kind: HazardEventKind
  readonly at: string
  readonly userId: string
  readonly userName: string
  /** The inspection that found it or the rectification that fixed it. */
  readonly submissionId: string | null
  /** A reopen reason, a closing remark, or the rectification's measures. */
  readonly note: string | null
  readonly photos: readonly string[]
  /** A reopen may set a new deadline. */
  readonly deadline: string | null
}

export type Hazard = {
  readonly id: string
  readonly schoolId: string
  readonly submissionId: string
  readonly formId: string
  readonly fieldId: string
  readonly description: string
  readonly severity: Severity
  readonly deadline: string
  readonly status: HazardStatus
  readonly createdAt: string
  /** 整改责任人, as the inspection named them. */
  readonly responsible: string | null
  /** Photos taken when it was found. */
  readonly photos: readonly string[]
  readonly updatedAt: string
  readonly history: readonly HazardEvent[]
}

/** The most hashes one POST /api/v1/attachments/check may ask about. */
export const BLOB_CHECK_MAX = 100

/**
 * POST /api/v1/attachments/check: which of these photos and signatures the caller's scope already
 * holds. `held` lists only those (a hash stored for another scope is left out, as one never
 * stored is). One request for a whole record instead of a HEAD per photo, and no 404 per absent
 * photo, which browsers print to the console as a fault.
 */
export type BlobCheckRequest = { readonly hashes: readonly string[] }
export type BlobCheckResponse = { readonly held: readonly string[] }

/** POST /api/v1/hazards/:id/verify (bureau, inspector, admin): 销号 or send back with a reason. */
/** The most hazards one GET /hazards page holds (also its default): the phone follows nextCursor for the rest. */
export const HAZARD_PAGE_MAX = 500

/** A page of hazards, soonest deadline first; pass nextCursor back as `cursor` for the next one (null: no more). */
export type HazardsPage = { readonly hazards: readonly Hazard[]; readonly nextCursor: string | null }

export type VerifyHazardRequest = {
  readonly action: 'close' | 'reopen'
  readonly reason?: string
  /** Reopen only: a new rectification deadline, YYYY-MM-DD. */
  readonly deadline?: string
}

export type VerifyHazardResponse = { readonly hazard: Hazard }

/** One past inspection of a school, as its history lists it. */
export type InspectionRecord = {
  readonly id: string
  readonly schoolId: string
  readonly formId: string
  readonly formVersion: number
  /** self | mutual | bureau, from the answers. */
  readonly checkType: string | null
  readonly checkDate: string | null
  readonly inspector: string | null
  readonly receivedAt: string
  readonly pass: number
  readonly fail: number
  readonly na: number
  readonly hazardIds: readonly string[]
}

/** GET /api/v1/inspections?schoolId: newest first. */
export type InspectionsResponse = { readonly inspections: readonly InspectionRecord[] }

export type HealthResponse = { readonly ok: boolean; readonly db: string }

/** One audit-log line: who did what, when, from where (GET /api/v1/audit, bureau and admin). */
export type AuditEntry = {
  readonly id: string
  readonly at: string
  /** e.g. sign_in, sign_in_failed, sign_out, hazard_verified. */
  readonly action: string
  readonly actorId: string | null
  readonly actorRole: string | null
  readonly username: string | null
  readonly districtId: string | null
  readonly schoolId: string | null
  readonly subjectId: string | null
  readonly ip: string | null
  readonly details: Readonly<Record<string, unknown>>
}

/** Newest first; pass nextCursor as `before` for the next page. */
export type AuditPage = { readonly entries: readonly AuditEntry[]; readonly nextCursor: string | null }

/** A published pledge version as the API sends it (core/pledges.ts computes textHash). */
export type PledgeVersion = PledgeContent & {
  /** pledgeVersionId(pledgeId, version): what a signing names as its subjectId. */
  readonly id: string
  /** YYYY-MM-DD: unsigned after this day is overdue. */
  readonly dueDate: string
  readonly textHash: string
  readonly publishedAt: string
  /** False once a newer version of the same pledge is published. */
  readonly current: boolean
}

/** Who signed a version and when; device time is the phone's, server time the receipt's. */
export type PledgeSignatureSummary = {
  readonly id: string
  readonly schoolId: string
  readonly userId: string
  readonly signerName: string
  readonly signedAt: string
  readonly receivedAt: string
}

/** GET /api/v1/pledges: versions for the caller, each with the caller's (or school's) signing. */
export type PledgesResponse = {
  readonly pledges: readonly (PledgeVersion & { readonly signature: PledgeSignatureSummary | null })[]
}

/** GET /api/v1/pledges/:versionId/signatures/:id: the proof of one signing. */
export type PledgeSignatureRecord = PledgeSignatureSummary & {
  readonly versionId: string
  readonly schoolName: string
  /** The hash the signer's phone sent, as stored. */
  readonly textHash: string
  /** Whether the server's hash of the text it holds for this version equals textHash. */
  readonly textHashMatches: boolean
  readonly signatureSha256: string
  readonly deviceId: string
  /** The receipt digest: SHA-256 of the canonical submission the server stored. */
  readonly digest: string
}

export type PledgeRecordResponse = { readonly pledge: PledgeVersion; readonly signature: PledgeSignatureRecord }

/** GET /api/v1/reports/pledges?versionId: one row per school in the caller's scope. */
export type PledgeReportRow = {
  readonly schoolId: string
  readonly schoolName: string
  readonly signed: boolean
  /** Staff pledges: how many people signed; principal pledges: 0 or 1. */
  readonly signatures: number
  /** The school's (or its latest staff) signing, if any. */
  readonly latest: PledgeSignatureSummary | null
  /** Not signed and the due date has passed. */
  readonly overdue: boolean
}

export type PledgeReportResponse = {
  readonly pledge: PledgeVersion
  readonly schools: readonly PledgeReportRow[]
  readonly totals: { readonly schools: number; readonly signed: number; readonly overdue: number }
}

/** How a canteen's grade moved from its previous grading: B → A is news the bureau reports. */
export type GradeChange = 'first' | 'up' | 'down' | 'same'

/** One canteen grading as the server graded it (never the client's own figure). */
export type CanteenGradeEntry = {
  readonly submissionId: string
  /** The inspection date from the answers, YYYY-MM-DD. */
  readonly date: string
  readonly term: string
  /** self | mutual | bureau (检查方式). */
  readonly checkType: string
  readonly score: number
  readonly maxScore: number
  readonly percent: number
  /** A threshold's grade ('A', 'B', 'C') or 'fail' (needs rectification). */
  readonly grade: string
  readonly change: GradeChange
  /** 伙食费入口率 as reported with this grading, percent. */
  readonly mealFeeShare: number | null
  readonly receivedAt: string
}

/** GET /api/v1/reports/canteen-grades?schoolId: each school's history, oldest first. */
export type CanteenGradesResponse = {
  readonly schools: readonly {
    readonly schoolId: string
    readonly schoolName: string
    readonly history: readonly CanteenGradeEntry[]
  }[]
}

/** A school's report for a form and period against what its schedules expect (core/completenessState.ts). */
export type CompletenessState = 'on_time' | 'late' | 'missing' | 'not_due' | 'not_applicable'

export type CompletenessRow = {
  readonly schoolId: string
  readonly schoolName: string
  readonly state: CompletenessState
  /** The last on-time instant for this school (its schedule's due rule, or its district's deadline for the period). */
  readonly dueAt: string | null
  /** The schedule that expects the report (null: a deadline alone, or not expected). */
  readonly scheduleId?: string | null
  /** When the first report for the period arrived: timeliness is judged by it. */
  readonly firstReceivedAt: string | null
  /** The current report (the latest correction, or the first report). */
  readonly currentSubmissionId: string | null
  /** More than one report for the period: the school corrected it. */
  readonly corrected: boolean
  readonly correctedAt: string | null
  readonly reports: number
}

/** GET /api/v1/reports/completeness?formId&period (bureau, inspector, admin). */
export type CompletenessResponse = {
  readonly formId: string
  readonly period: string
  readonly schools: readonly CompletenessRow[]
  readonly totals: { readonly [state in CompletenessState]: number } & { readonly corrected: number }
}

/** A school's current survey report for one period, as the phone pulls it to prefill and compare. */
export type LatestReport = {
  readonly submissionId: string
  readonly schoolId: string
  readonly formId: string
  readonly formVersion: number
  readonly period: string
  readonly answers: Answers
  readonly receivedAt: string
  /** The earlier reports for this period it replaced, if any. */
  readonly supersedes: number
}

/** GET /api/v1/reports/latest: per school and survey form, the current reports of the two latest periods. */
export type LatestReportsResponse = { readonly reports: readonly LatestReport[] }

/** PUT /api/v1/reports/deadlines (bureau for its district; admin names the district). */
export type DeadlineRequest = {
  readonly formId: string
  readonly period: string
  readonly dueAt: string
  readonly districtId?: string
}

export type Deadline = { readonly districtId: string; readonly formId: string; readonly period: string; readonly dueAt: string }

export * from './bureauProtocol.js'
export * from './formFilesProtocol.js'
