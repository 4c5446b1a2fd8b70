import { canonicalJson, sha256Hex } from './digest.js'
import type { Role } from './protocol.js'
import type { Text } from './text.js'
import { daysBetween } from './weeks.js'

/** Who signs a pledge: the principal for the school, or each staff member for themselves. */
export type PledgeAudience = 'principal' | 'staff'

/** The form every pledge signing is filed against; its subjectId is the pledge version id. */
export const PLEDGE_SIGNING_FORM_ID = 'pledge-signing'

/** What a signer confirms: the words of one version, in both languages, and what it is. */
export type PledgeContent = {
  readonly pledgeId: string
  readonly version: number
  readonly year: number
  readonly audience: PledgeAudience
  readonly title: Text
  /** Markdown. */
  readonly text: Text
}

/**
 * One way of writing a text, so an edit that changes nothing a reader sees (CRLF line ends,
 * trailing blanks, a decomposed character) does not change the hash, and any other edit does.
 */
export function normalisePledgeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/u, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
}

/**
 * The canonical text of a pledge version: canonical JSON of what the signer confirms. The
 * phone and the server hash these same bytes, so a signature names exactly one text.
 */
export function canonicalPledgeText(content: PledgeContent): string {
  return canonicalJson({
    pledgeId: content.pledgeId,
    version: content.version,
    year: content.year,
    audience: content.audience,
    title: { zh: normalisePledgeText(content.title.zh), en: normalisePledgeText(content.title.en) },
    text: { zh: normalisePledgeText(content.text.zh), en: normalisePledgeText(content.text.en) },
  })
}

/** SHA-256 hex of the canonical text. */
export function pledgeTextHash(content: PledgeContent): Promise<string> {
  return sha256Hex(canonicalPledgeText(content))
}

/** A version's id: readable, URL-safe, one per pledge and version. */
export function pledgeVersionId(pledgeId: string, version: number): string {
  return `${pledgeId}-v${version}`
}

/** The audience a role signs for, or null for roles that never sign (inspectors, the bureau). */
export function audienceOfRole(role: Role): PledgeAudience | null {
  if (role === 'principal') return 'principal'
  if (role === 'staff') return 'staff'
  return null
}

/**
 * Whose signature a version counts once: the school's for principal pledges (a new principal
 * does not re-sign what the school already signed), the person's for staff pledges.
 */
export function signingKey(audience: PledgeAudience, schoolId: string, userId: string): string {
  return audience === 'principal' ? `school:${schoolId}` : `user:${userId}`
}

/**
 * Whole days an unsigned pledge is past its due date (0 while it is not): the phone and the
 * bureau's report call it the same way, so both say 逾期未签 on the same day.
 */
export function pledgeDaysOverdue(dueDate: string, today: string): number {
  return daysBetween(dueDate, today)
}
