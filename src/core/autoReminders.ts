import { TZDate } from '@date-fns/tz'
import { differenceInCalendarDays, format } from 'date-fns'
import type { ReminderOrigin, ReminderRule, ReminderSettings } from './reminders.js'

/** The bureau's day: reminders count calendar days here, whatever the server's own TZ. */
export const REMINDER_ZONE = 'Asia/Shanghai'

/**
 * After a worker outage, an "after" reminder still goes out this many days late, no later:
 * long-past periods must not flood the groups when the server comes back.
 */
export const AFTER_CATCH_UP_DAYS = 2

/** One report a school owes: where the schedules (or today's deadlines) and the filed reports meet. */
export type Obligation = {
  readonly districtId: string
  readonly schoolId: string
  readonly formId: string
  readonly period: string
  /** ISO instant. */
  readonly dueAt: string
  readonly filed: boolean
}

export type PlannedReminder = {
  readonly districtId: string
  readonly schoolId: string
  readonly formId: string
  readonly period: string
  readonly origin: Exclude<ReminderOrigin, 'manual'>
  /** The obligation's due instant (the group message names its day). */
  readonly dueAt: string
  /** The Asia/Shanghai day it is due to go out. */
  readonly day: string
  readonly dedupKey: string
}

/** The Asia/Shanghai calendar day of an instant, YYYY-MM-DD. */
export function shanghaiDay(instant: Date | number): string {
  return format(new TZDate(typeof instant === 'number' ? instant : instant.getTime(), REMINDER_ZONE), 'yyyy-MM-dd')
}

/** An instant written in Asia/Shanghai time, as the to-do carries deadlines (…T23:59:59+08:00). */
export function shanghaiTimestamp(iso: string): string {
  return format(new TZDate(Date.parse(iso), REMINDER_ZONE), "yyyy-MM-dd'T'HH:mm:ssXXX")
}

/** The Asia/Shanghai day a deadline closes (a deadline at exactly midnight closes the day before it). */
export function dueDayOf(dueAt: string): string {
  return shanghaiDay(Date.parse(dueAt) - 1)
}

/**
 * A tap of 催报 is idempotent per (form, period, school, day); an automatic reminder once per
 * obligation and rule. The keys are UNIQUE in the database, which is what makes that hold.
 */
export function manualReminderKey(formId: string, period: string, schoolId: string, day: string): string {
  return `manual:${formId}:${period}:${schoolId}:${day}`
}

export function autoReminderKey(origin: 'before' | 'after', obligation: Pick<Obligation, 'districtId' | 'formId' | 'period' | 'schoolId'>): string {
  return `auto-${origin}:${obligation.districtId}:${obligation.formId}:${obligation.period}:${obligation.schoolId}`
}

/** The district's rule with the form's override laid over it. */
export function ruleFor(settings: ReminderSettings, formId: string): ReminderRule {
  const own = settings.forms[formId] ?? {}
  return {
    enabled: own.enabled ?? settings.enabled,
    daysBefore: own.daysBefore ?? settings.daysBefore,
    daysAfter: own.daysAfter ?? settings.daysAfter,
  }
}

/**
 * Calendar days from today to the due day, both in Asia/Shanghai (negative once past). A deadline
 * at exactly midnight closes the day before it, so the instant one millisecond earlier names the day.
 */
export function daysUntilDue(dueAt: string, now: Date): number {
  const due = new TZDate(Date.parse(dueAt) - 1, REMINDER_ZONE)
  const today = new TZDate(now.getTime(), REMINDER_ZONE)
  return differenceInCalendarDays(due, today)
}

/**
 * The automatic reminders due now for obligations not yet filed: "before" within daysBefore days
 * of the due day (while not yet due), "after" from daysAfter days past it (with a short catch-up
 * window). The caller inserts them under their dedup keys, so running this every few minutes — on
 * several instances — makes each reminder once.
 */
export function planAutoReminders(
  obligations: readonly Obligation[],
  settingsOf: (districtId: string) => ReminderSettings,
  now: Date,
): PlannedReminder[] {
  const day = shanghaiDay(now)
  const planned: PlannedReminder[] = []
  for (const obligation of obligations) {
    if (obligation.filed) continue
    const rule = ruleFor(settingsOf(obligation.districtId), obligation.formId)
    if (!rule.enabled) continue
    const until = daysUntilDue(obligation.dueAt, now)
    const due = now.getTime() > Date.parse(obligation.dueAt)
    let origin: 'before' | 'after' | null = null
    if (!due && rule.daysBefore > 0 && until >= 0 && until <= rule.daysBefore) origin = 'before'
    if (due && rule.daysAfter > 0 && -until >= rule.daysAfter && -until <= rule.daysAfter + AFTER_CATCH_UP_DAYS) origin = 'after'
    if (origin === null) continue
    const { districtId, schoolId, formId, period } = obligation
    planned.push({ districtId, schoolId, formId, period, origin, dueAt: obligation.dueAt, day, dedupKey: autoReminderKey(origin, obligation) })
  }
  return planned
}
