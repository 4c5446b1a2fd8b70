import type { Text } from './text.js'

/** The two group robots a district or school may connect: 企业微信 (WeCom) and 钉钉 (DingTalk). */
export type WebhookChannel = 'wecom' | 'dingtalk'
export const WEBHOOK_CHANNELS: readonly WebhookChannel[] = ['wecom', 'dingtalk']

/** A robot as the API shows it: never the whole address, never the signing secret. */
export type WebhookEntry = {
  readonly id: string
  readonly districtId: string
  /** null: the district's own group; otherwise one school's group. */
  readonly schoolId: string | null
  readonly channel: WebhookChannel
  readonly maskedUrl: string
  readonly signed: boolean
  readonly setBy: string | null
  readonly setAt: string
}

/** PUT /api/v1/webhooks: add or replace the robot of the district (or of one school). */
export type WebhookRequest = {
  readonly channel: WebhookChannel
  readonly url: string
  /** 钉钉's 加签 secret (SEC…); absent: unsigned. */
  readonly secret?: string
  readonly schoolId?: string
  readonly districtId?: string
}

/** When automatic reminders go out for one form (or, without a form, for every form of a district). */
export type ReminderRule = {
  readonly enabled: boolean
  /** Remind this many calendar days (Asia/Shanghai) before the due date; 0: not before. */
  readonly daysBefore: number
  /** Remind this many calendar days after the due date; 0: not after. */
  readonly daysAfter: number
}

/** GET/PUT /api/v1/reminder-settings: the district's rule and per-form overrides keyed by form id. */
export type ReminderSettings = ReminderRule & {
  readonly forms: Readonly<Record<string, Partial<ReminderRule>>>
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { enabled: true, daysBefore: 3, daysAfter: 1, forms: {} }

export type ReminderOrigin = 'manual' | 'before' | 'after'

/** Where a reminder's group messages stand: none configured, or the worst of its messages. */
export type DeliveryState = 'none' | 'pending' | 'sending' | 'retrying' | 'sent' | 'dead'

export type ReminderEntry = {
  readonly id: string
  readonly districtId: string
  readonly schoolId: string
  readonly schoolName: string
  readonly formId: string
  readonly formTitle: Text
  readonly period: string
  readonly origin: ReminderOrigin
  /** The Asia/Shanghai day it was sent for (the idempotency day). */
  readonly day: string
  readonly createdAt: string
  readonly createdBy: string | null
  readonly delivery: DeliveryState
  /** The school filed after all: the reminder has left its to-do. */
  readonly filed: boolean
}

/** POST /api/v1/reminders (催报). */
export type SendRemindersRequest = {
  readonly formId: string
  readonly period: string
  /** Only these schools (each still has to be missing or not yet due); absent: every school that has not filed. */
  readonly schoolIds?: readonly string[]
  readonly districtId?: string
}

export type SendRemindersResponse = {
  /** Reminders made now. */
  readonly reminded: readonly ReminderEntry[]
  /** Schools already reminded for this form and period today (a second tap sends nothing). */
  readonly alreadyReminded: readonly string[]
  /** Schools that have filed, so were not reminded. */
  readonly filed: readonly string[]
  /** Group messages queued. */
  readonly messages: number
}

export type OutboundState = 'pending' | 'sending' | 'retrying' | 'sent' | 'dead'

/** One group message in the outbound queue, as the bureau sees it. */
export type OutboundMessageEntry = {
  readonly id: string
  readonly districtId: string
  readonly webhookId: string
  readonly channel: WebhookChannel
  readonly title: string
  readonly state: OutboundState
  readonly attempts: number
  readonly nextAttemptAt: string | null
  readonly lastError: string | null
  readonly createdAt: string
  readonly sentAt: string | null
}

export type RemindersResponse = { readonly reminders: readonly ReminderEntry[]; readonly messages: readonly OutboundMessageEntry[] }
