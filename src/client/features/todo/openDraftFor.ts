import { isPeriod, periodOf } from '../../../core/periods.js'
import type { FormTemplate } from '../../../core/forms/types.js'
import type { User } from '../../../core/protocol.js'
import { stores } from '../../appServices.js'
import { listRecords } from '../../offline/outbox.js'
import { startDraft } from '../forms/startDraft.js'

/**
 * The draft a 待办 report opens: the one already begun on this phone for that form, school and
 * period if there is one (tapping the item twice must not leave two half-filled reports), else a
 * new one started exactly as the form list starts it. A period that is no period of the form's
 * kind is ignored: the form list's own choice stands.
 */
export async function openDraftFor(forms: readonly FormTemplate[], formId: string, period: string | undefined, user: User, schoolId: string): Promise<string | null> {
  const form = forms.filter((each) => each.id === formId).sort((a, b) => b.version - a.version)[0]
  if (form === undefined) return null
  const asked = period !== undefined && isPeriod(period, form.period) ? period : undefined
  const effective = asked ?? (form.period ? periodOf(new Date(), form.period) : undefined)
  const begun = (await listRecords(stores)).find(
    (record) => record.state === 'draft' && record.formId === formId && record.schoolId === schoolId && record.period === effective,
  )
  if (begun !== undefined) return begun.id
  return startDraft(form, user, schoolId, effective)
}
