import type { Role } from '../../core/protocol.js'
import type {
  SchedulesTable,
  ScheduleVersionsTable,
  SchoolStatesTable,
  NoticesTable,
  NoticeTargetsTable,
  NoticeReadsTable,
  CampaignsTable,
  CampaignTargetsTable,
  CampaignAcksTable,
  WebhooksTable,
  RemindersTable,
  OutboundMessagesTable,
  OutboundMessageRemindersTable,
  ReminderSettingsTable,
} from './schema-cycle.js'

/**
 * The tables as Kysely sees them. Timestamps are ISO-8601 UTC text in both dialects (portable
 * and sortable as strings); JSON is stored as text; flags are 0/1 integers.
 */
export interface Database {
  districts: DistrictsTable
  schools: SchoolsTable
  users: UsersTable
  sessions: SessionsTable
  forms: FormsTable
  submissions: SubmissionsTable
  submission_blobs: SubmissionBlobsTable
  hazards: HazardsTable
  hazard_events: HazardEventsTable
  hazard_counts: HazardCountsTable
  blobs: BlobsTable
  blob_owners: BlobOwnersTable
  canteen_grades: CanteenGradesTable
  survey_reports: SurveyReportsTable
  report_deadlines: ReportDeadlinesTable
  pledge_versions: PledgeVersionsTable
  pledge_signatures: PledgeSignaturesTable
  audit_log: AuditLogTable
  login_devices: LoginDevicesTable
  login_events: LoginEventsTable
  schedules: SchedulesTable
  schedule_versions: ScheduleVersionsTable
  school_states: SchoolStatesTable
  notices: NoticesTable
  notice_targets: NoticeTargetsTable
  notice_reads: NoticeReadsTable
  campaigns: CampaignsTable
  campaign_targets: CampaignTargetsTable
  campaign_acks: CampaignAcksTable
  webhooks: WebhooksTable
  reminders: RemindersTable
  outbound_messages: OutboundMessagesTable
  outbound_message_reminders: OutboundMessageRemindersTable
  reminder_settings: ReminderSettingsTable
}

/** Who did what and when (migration 0005): sign-ins, failures, bureau actions. */
export interface AuditLogTable {
  /** UUID v7: time-ordered, the paging cursor. */
  id: string
  at: string
  action: string
  actor_id: string | null
  actor_role: string | null
  /** Lower-cased user name of a sign-in attempt (also for unknown users). */
  username: string | null
  district_id: string | null
  school_id: string | null
  subject_id: string | null
  ip: string | null
  /** JSON object. */
  details: string
}

export interface DistrictsTable {
  id: string
  name: string
}

export interface SchoolsTable {
  id: string
  district_id: string
  name: string
  kind: string
  township: string | null
}

export interface UsersTable {
  id: string
  username: string
  display_name: string
  role: Role
  school_id: string | null
  district_id: string | null
  password_hash: string
  disabled: number
  created_at: string
}

export interface SessionsTable {
  /** SHA-256 hex of the bearer token: a leaked table does not hand out sessions. */
  token_hash: string
  user_id: string
  created_at: string
  expires_at: string
  revoked_at: string | null
}

export interface FormsTable {
  id: string
  version: number
  kind: string
  title_zh: string
  /** Canonical JSON of the FormTemplate. */
  template: string
  active: number
  published_at: string
  /** Who published it from the bureau's workspace (migration 0006); null for built-in templates. */
  published_by: string | null
  /**
   * The district that owns this form id, the same on every version; null: global, the admin's
   * (migration 0008). Its schools and bureau read it; only its bureau publishes versions of it.
   */
  owner_district_id: string | null
}

export interface SubmissionsTable {
  /** The client-made UUID: the primary key is what makes delivery exactly-once. */
  id: string
  form_id: string
  form_version: number
  school_id: string
  period: string | null
  subject_id: string | null
  user_id: string
  device_id: string
  /** Canonical JSON of the envelope exactly as digested. */
  body: string
  digest: string
  started_at: string
  completed_at: string
  received_at: string
  /** The school's district (migration 0010): a district's pages are one index range. */
  district_id: string | null
}

/** Which blobs a submission refers to: decides who may fetch a photo. */
export interface SubmissionBlobsTable {
  submission_id: string
  sha256: string
}

export interface HazardsTable {
  id: string
  school_id: string
  submission_id: string
  form_id: string
  field_id: string
  description: string
  severity: string
  deadline: string
  status: string
  /** JSON array of SHA-256 hashes. */
  photos: string
  created_at: string
  /** 整改责任人 (migration 0002). */
  responsible: string | null
  /** Last status change; null on rows older than migration 0002. */
  updated_at: string | null
  /** The school's district (migration 0010). */
  district_id: string | null
}

/**
 * How many hazards share a (school, subject, status, severity, deadline); the deadline is '' for
 * all but open hazards. Written only by triggers on hazards (migration 0011), read by the board.
 */
export interface HazardCountsTable {
  district_id: string | null
  school_id: string
  form_id: string
  status: string
  severity: string
  deadline: string
  n: number
}

/** A hazard's history: found, rectified, closed, reopened. Insert-only. */
export interface HazardEventsTable {
  id: string
  hazard_id: string
  kind: string
  at: string
  user_id: string
  submission_id: string | null
  note: string | null
  /** JSON array of SHA-256 hashes. */
  photos: string
  deadline: string | null
}

export interface BlobsTable {
  sha256: string
  mime: string
  size: number
  created_at: string
  created_by: string
}

/**
 * Who uploaded a blob, per scope (migration 0007): `school:<id>`, `district:<id>` or `global`.
 * Possession, not storage: the same bytes uploaded by two schools are one blob with two owners.
 */
export interface BlobOwnersTable {
  sha256: string
  owner: string
  /** The latest upload by this owner: the sweep's grace period runs from it. */
  uploaded_at: string
}

/** A published pledge text; immutable: an edit is a new version with a new id. */
export interface PledgeVersionsTable {
  /** core pledgeVersionId(pledge_id, version). */
  id: string
  pledge_id: string
  version: number
  year: number
  audience: string
  title_zh: string
  title_en: string
  /** Markdown. */
  text_zh: string
  text_en: string
  /** SHA-256 of core canonicalPledgeText, computed by the server when publishing. */
  text_hash: string
  due_date: string
  published_at: string
  /** The district that owns this pledge id, the same on every version; null: global (migration 0008). */
  owner_district_id: string | null
}

/** One signing, derived from its submission (same id) in the ingest transaction. */
export interface PledgeSignaturesTable {
  id: string
  version_id: string
  school_id: string
  user_id: string
  /** core signingKey: unique per version. */
  signing_key: string
  signer_name: string
  text_hash: string
  signature_sha256: string
  /** The phone's completedAt. */
  signed_at: string
  received_at: string
}

/** The server's own canteen grade for one canteen submission (core scoreCanteen on ingest). */
export interface CanteenGradesTable {
  submission_id: string
  school_id: string
  form_id: string
  /** The inspection date from the answers, YYYY-MM-DD. */
  check_date: string
  /** The term the check date falls in: 伙食费入口率 is reported per term. */
  term: string
  check_type: string
  score: number
  max_score: number
  grade: string
  meal_fee_share: number | null
  received_at: string
}

/** A survey submission's place in its period: the current one has superseded_by null. */
export interface SurveyReportsTable {
  submission_id: string
  school_id: string
  form_id: string
  period: string
  received_at: string
  superseded_by: string | null
  superseded_at: string | null
  /** JSON array of ValidationIssue warnings (e.g. a rate far from last period's). */
  warnings: string
}

/** When a district expects a form for a period; completeness is judged against it. */
export interface ReportDeadlinesTable {
  district_id: string
  form_id: string
  period: string
  /** ISO timestamp. */
  due_at: string
  set_by: string | null
  set_at: string
}

/** A phone or browser that signed in to this account before (migration 0009). */
export interface LoginDevicesTable {
  id: string
  user_id: string
  /** SHA-256 hex of the device token the phone keeps. */
  token_hash: string
  created_at: string
  last_used_at: string
  expires_at: string
}

/** Recent sign-in events the lockout counts from, pruned after the failure window (migration 0009). */
export interface LoginEventsTable {
  /** UUID v7. */
  id: string
  at: string
  kind: 'failed' | 'signed_in' | 'reset'
  /** Lower-cased as typed, also for unknown users. */
  username: string
  ip: string | null
  /** The known device of this account the attempt came from, else null. */
  device_id: string | null
}

export type {
  SchedulesTable,
  ScheduleVersionsTable,
  SchoolStatesTable,
  NoticesTable,
  NoticeTargetsTable,
  NoticeReadsTable,
  CampaignsTable,
  CampaignTargetsTable,
  CampaignAcksTable,
  WebhooksTable,
  RemindersTable,
  OutboundMessagesTable,
  OutboundMessageRemindersTable,
  ReminderSettingsTable,
}
