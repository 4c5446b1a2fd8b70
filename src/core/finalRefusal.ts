import type { IssueCode } from './messages.js'

/**
 * Refusals that no edit of the same report can turn into an acceptance: the hazard is already
 * rectified, closed or not this school's; the pledge version is gone, replaced or its text
 * changed (signing again is a new report, after a sync). A `conflict` is one too: the id is
 * taken by a different body, and an edited resend keeps that id.
 */
export const FINAL_ISSUE_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  'hazardNotOpen',
  'hazardUnknown',
  'pledgeUnknown',
  'pledgeSuperseded',
  'pledgeTextChanged',
  'noticeUnknown',
  'campaignUnknown',
  'campaignFormMismatch',
])

/** The part of a refusal this needs: the error code and the codes of its issues. */
export type Refusal = { readonly code: string; readonly issues?: readonly { readonly code: string }[] }

/** True when resubmitting an edited copy of the report can only be refused again. */
export function isFinalRefusal(refusal: Refusal): boolean {
  if (refusal.code === 'conflict') return true
  const issues = refusal.issues ?? []
  // One issue an edit can fix keeps the report editable: the person fixes that, and the final
  // one (if the server still says it) comes back on its own.
  return issues.length > 0 && issues.every((issue) => (FINAL_ISSUE_CODES as ReadonlySet<string>).has(issue.code))
}
