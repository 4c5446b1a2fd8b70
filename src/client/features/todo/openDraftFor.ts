import { campaignFilingIssue } from '../../../core/campaignFiling.js'
import { isPeriod, periodOf } from '../../../core/periods.js'
import type { FormTemplate } from '../../../core/forms/types.js'
import type { User } from '../../../core/protocol.js'
import { stores } from '../../appServices.js'
import { listRecords } from '../../offline/outbox.js'
import { startDraft } from '../forms/startDraft.js'
import { readCachedNotices } from '../notices/noticeCache.js'

/**
 * The form versions a report may be filled on: the newest first, and for a campaign only those
 * its checklist takes (the fixed version, when it names one), checked with the server's own rule.
 * A campaign the phone has not pulled yet constrains nothing: the server decides on arrival.
 */
async function versionsFor(forms: readonly FormTemplate[], formId: string, campaignId: string | undefined): Promise<FormTemplate[]> {
  const versions = forms.filter((each) => each.id === formId).sort((a, b) => b.version - a.version)
  if (campaignId === undefined) return versions
  const campaign = (await readCachedNotices(stores)).campaigns.find((each) => each.id === campaignId)
  return campaign === undefined ? versions : versions.filter((each) => campaignFilingIssue(campaign, { formId: each.id, formVersion: each.version }) === null)
}

/**
 * The draft a 待办 report opens: the one already begun on this phone for that form, school and
 * period (and campaign) if there is one (tapping the item twice must not leave two half-filled
 * reports), else a new one started exactly as the form list starts it. A period that is no period
 * of the form's kind is ignored: the form list's own choice stands. Opened from a campaign, the
 * draft carries the campaign as its subject: that is what makes it the campaign's filing, and a
 * draft begun for the plain form (or another campaign) is not reused for it.
 */
export async function openDraftFor(
  forms: readonly FormTemplate[],
  formId: string,
  period: string | undefined,
  user: User,
  schoolId: string,
  campaignId?: string,
): Promise<string | null> {
  const form = (await versionsFor(forms, formId, campaignId))[0]
  if (form === undefined) return null
  const asked = period !== undefined && isPeriod(period, form.period) ? period : undefined
  const effective = asked ?? (form.period ? periodOf(new Date(), form.period) : undefined)
  const begun = (await listRecords(stores)).find(
    (record) =>
      record.state === 'draft' && record.formId === formId && record.schoolId === schoolId && record.period === effective && record.subjectId === campaignId,
  )
  if (begun !== undefined) return begun.id
  return startDraft(form, user, schoolId, effective, campaignId)
}
