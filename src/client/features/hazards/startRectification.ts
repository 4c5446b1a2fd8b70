import { todayIso } from '../../../core/dates.js'
import type { FormTemplate } from '../../../core/forms/types.js'
import type { Hazard, User } from '../../../core/protocol.js'
import { stores } from '../../appServices.js'
import { getDeviceId } from '../../offline/deviceId.js'
import { createDraft } from '../../offline/createDraft.js'

/** A rectification is a draft like any report, about one hazard (subjectId), for the hazard's school. */
export async function startRectification(form: FormTemplate, hazard: Hazard, user: User): Promise<string> {
  const now = new Date()
  const record = await createDraft(stores, {
    formId: form.id,
    formVersion: form.version,
    schoolId: hazard.schoolId,
    subjectId: hazard.id,
    userId: user.id,
    deviceId: await getDeviceId(stores),
    answers: { rectifiedBy: hazard.responsible ?? user.displayName, rectifiedOn: todayIso(now) },
    now,
  })
  return record.id
}
