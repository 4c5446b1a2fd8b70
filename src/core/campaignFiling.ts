import type { FormKind } from './forms/types.js'
import type { IssueCode } from './messages.js'

/** A checklist is something a school fills from a form: not a pledge, a rectification or a 已阅. */
export const CAMPAIGN_CHECKLIST_KINDS: readonly FormKind[] = ['inspection', 'canteen', 'survey']

export function isChecklistKind(kind: FormKind): boolean {
  return CAMPAIGN_CHECKLIST_KINDS.includes(kind)
}

/** What a campaign asks to be filed: its checklist form, and the version when the campaign fixes one. */
export type CampaignChecklist = { readonly formId: string; readonly formVersion: number | null }

/** The report's side: the form and version it was filled against. */
export type ChecklistReport = { readonly formId: string; readonly formVersion: number }

/**
 * Whether a report may be filed for a campaign (its subjectId names the campaign). `campaign` is
 * the campaign as the school sees it: undefined when it was not sent to that school, which is
 * answered like one that does not exist. The phone asks the same before it starts the draft.
 */
export function campaignFilingIssue(campaign: CampaignChecklist | undefined, report: ChecklistReport): Extract<IssueCode, 'campaignUnknown' | 'campaignFormMismatch'> | null {
  if (campaign === undefined) return 'campaignUnknown'
  if (campaign.formId !== report.formId) return 'campaignFormMismatch'
  if (campaign.formVersion !== null && campaign.formVersion !== report.formVersion) return 'campaignFormMismatch'
  return null
}
