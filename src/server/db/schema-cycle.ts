/**
 * The tables of the bureau's cycle around the reports (issue 14): what schools owe (schedules,
 * migration 0012), notices and campaigns (0013), reminders and the outbound robot queue (0014).
 * Listed in the Database interface in schema.ts like every other table.
 */
/** A district's standing request for a form (migration 0012); its history is in schedule_versions. */
export interface SchedulesTable {
  id: string
  district_id: string
  form_id: string
  /** The newest version. */
  version: number
  retired: number
  created_at: string
  created_by: string | null
}

/** One saved version of a schedule; insert-only: a past period is judged by the version in force when it closed. */
export interface ScheduleVersionsTable {
  schedule_id: string
  version: number
  district_id: string
  form_id: string
  title_zh: string
  title_en: string
  /** JSON of core ScheduleRule. */
  rule: string
  retired: number
  effective_at: string
  saved_by: string | null
}

/** A school's kind and township from `from_at` on (migration 0012); the epoch for schools older than it. */
export interface SchoolStatesTable {
  school_id: string
  from_at: string
  kind: string
  township: string | null
}

/** 通知/通报 (migration 0013). audience: the JSON the bureau chose; notice_targets: the schools it resolved to. */
export interface NoticesTable {
  id: string
  district_id: string
  kind: string
  title: string
  body: string
  body_format: string
  audience: string
  campaign_id: string | null
  published_by: string
  published_at: string
}

export interface NoticeTargetsTable {
  notice_id: string
  school_id: string
}

/** Derived from a notice-read submission (same id), once per notice and person. */
export interface NoticeReadsTable {
  id: string
  notice_id: string
  school_id: string
  user_id: string
  read_at: string
  received_at: string
}

/** 专项检查 (migration 0013). Dates are YYYY-MM-DD days in Asia/Shanghai. */
export interface CampaignsTable {
  id: string
  district_id: string
  title: string
  instructions: string
  instructions_format: string
  form_id: string
  form_version: number | null
  audience: string
  opens_on: string
  closes_on: string
  status: string
  created_by: string
  created_at: string
  closed_at: string | null
  summary_notice_id: string | null
}

export interface CampaignTargetsTable {
  campaign_id: string
  school_id: string
}

/** Derived from a campaign-ack submission (same id), once per campaign and school. */
export interface CampaignAcksTable {
  id: string
  campaign_id: string
  school_id: string
  user_id: string
  acked_at: string
  received_at: string
}

/** A group robot of a district or school (migration 0014). `url` and `secret` are secrets. */
export interface WebhooksTable {
  id: string
  district_id: string
  school_id: string | null
  channel: 'wecom' | 'dingtalk'
  url: string
  secret: string | null
  set_by: string | null
  set_at: string
}

/** An in-app 催报 reminder to one school (migration 0014). */
export interface RemindersTable {
  id: string
  dedup_key: string
  district_id: string
  school_id: string
  form_id: string
  period: string
  origin: 'manual' | 'before' | 'after'
  day: string
  created_at: string
  created_by: string | null
}

/** One group message to send (migration 0014). */
export interface OutboundMessagesTable {
  id: string
  dedup_key: string
  district_id: string
  webhook_id: string
  channel: 'wecom' | 'dingtalk'
  title: string
  payload: string
  state: 'pending' | 'sending' | 'retrying' | 'sent' | 'dead'
  attempts: number
  next_attempt_at: string
  lease_until: string | null
  claim_token: string | null
  last_error: string | null
  created_at: string
  sent_at: string | null
}

export interface OutboundMessageRemindersTable {
  message_id: string
  reminder_id: string
}

export interface ReminderSettingsTable {
  district_id: string
  /** JSON ReminderSettings. */
  settings: string
  set_by: string | null
  set_at: string
}
