import { campaignAck } from '../../../core/forms/campaign-ack.js'
import { noticeRead } from '../../../core/forms/notice-read.js'
import type { User } from '../../../core/protocol.js'
import { stores } from '../../appServices.js'
import { getDeviceId } from '../../offline/deviceId.js'
import { enqueueSubmission } from '../../offline/outbox.js'
import { createDraft } from '../../offline/createDraft.js'

/**
 * A read or 已阅 saved on the phone first, as a queued outbox record (subjectId = the notice or
 * campaign): the sync engine delivers it exactly once whenever there is signal, like a report.
 * The phone's time of reading travels as completedAt; the server adds its own when it arrives.
 */
export async function confirmReceipt(kind: 'notice' | 'campaign', subjectId: string, user: User): Promise<string | null> {
  if (user.schoolId === null) return null
  const template = kind === 'notice' ? noticeRead : campaignAck
  const record = await createDraft(stores, {
    formId: template.id,
    formVersion: template.version,
    schoolId: user.schoolId,
    userId: user.id,
    deviceId: await getDeviceId(stores),
    subjectId,
    answers: { readerName: user.displayName.slice(0, 50) },
    attachments: [],
  })
  const queued = await enqueueSubmission(stores, record.id, new Date())
  return queued.kind === 'queued' ? record.id : null
}
