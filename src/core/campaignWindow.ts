import { TZDate } from '@date-fns/tz'
import { endOfDay, format, startOfDay } from 'date-fns'
import { completenessState } from './completenessState.js'
import type { CampaignFiling } from './noticeProtocol.js'

/** The bureau's day: every campaign date is a day in Shanghai, whatever the server's or phone's TZ. */
export const BUREAU_ZONE = 'Asia/Shanghai'

function dayIn(date: string): TZDate {
  const [year, month, day] = date.split('-').map(Number)
  return new TZDate(year ?? 0, (month ?? 1) - 1, day ?? 1, BUREAU_ZONE)
}

/** The instants a window of bureau days covers: from the first day's 00:00 to the last day's end, as UTC ISO. */
export function campaignWindow(opensOn: string, closesOn: string): { readonly opensAt: string; readonly closesAt: string } {
  return {
    opensAt: new Date(startOfDay(dayIn(opensOn)).getTime()).toISOString(),
    closesAt: new Date(endOfDay(dayIn(closesOn)).getTime()).toISOString(),
  }
}

/** The deadline as the to-do writes it: the last day's end with Shanghai's offset (…T23:59:59+08:00). */
export function campaignDueAt(closesOn: string): string {
  return format(endOfDay(dayIn(closesOn)), "yyyy-MM-dd'T'HH:mm:ssxxx")
}

/** Today's date in the bureau's zone, YYYY-MM-DD. */
export function bureauToday(now: Date): string {
  return format(new TZDate(now.getTime(), BUREAU_ZONE), 'yyyy-MM-dd')
}

/** A campaign's checklist is filed under the month it opens, e.g. 2026-05. */
export function campaignPeriod(opensOn: string): string {
  return opensOn.slice(0, 7)
}

/**
 * A target school's standing from the receipt time of its first report filed for the campaign
 * (server time: the phone's clock can be wrong). After the window closes without one the
 * school is missing; a report received later still counts, as late.
 */
export function campaignFiling(firstReceivedAt: string | null, closesAt: string, now: Date): CampaignFiling {
  // The one completeness model (core/completenessState.ts), with the window's end as the due time:
  // every target school owes the checklist, so the state is never not_applicable.
  return completenessState({ firstReceivedAt, dueAt: closesAt, now, applicable: true }) as CampaignFiling
}
