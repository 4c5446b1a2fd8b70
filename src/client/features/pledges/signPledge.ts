import { pledgeSigning } from '../../../core/forms/pledge-signing.js'
import { pledgeTextHash } from '../../../core/pledges.js'
import type { User } from '../../../core/protocol.js'
import { hasErrors, validateAnswers } from '../../../core/validate.js'
import { stores } from '../../appServices.js'
import { putBlob } from '../../offline/blobStore.js'
import { getDeviceId } from '../../offline/deviceId.js'
import { enqueueSubmission } from '../../offline/outbox.js'
import { createDraft } from '../../offline/createDraft.js'
import type { CachedPledge } from './pledgeCache.js'

export type SignOutcome =
  | { readonly kind: 'queued'; readonly id: string }
  /** The text on this phone does not hash to what the server published: pull it again. */
  | { readonly kind: 'text_changed' }
  | { readonly kind: 'invalid' }

/** A data: URL from the signature pad as bytes (stored as ArrayBuffer: WebKit loses Blobs in IndexedDB). */
export function dataUrlBytes(dataUrl: string): { bytes: ArrayBuffer; type: string } {
  const [head = '', body = ''] = dataUrl.split(',', 2)
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'image/png'
  const binary = atob(body)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index)
  return { bytes: bytes.buffer, type }
}

/**
 * Signs on the phone first: the signature image goes to the blob store, the signing becomes a
 * queued outbox record (subjectId = the version) carrying the hash of the text as this phone
 * computed it from the words it showed. The sync engine delivers it whenever there is signal.
 */
export async function signPledge(pledge: CachedPledge, user: User, signerName: string, signaturePng: string): Promise<SignOutcome> {
  const textHash = await pledgeTextHash(pledge)
  if (textHash !== pledge.textHash) return { kind: 'text_changed' }
  if (user.schoolId === null) return { kind: 'invalid' }
  const { bytes, type } = dataUrlBytes(signaturePng)
  const signature = await putBlob(stores, bytes, type)
  const answers = { signerName: signerName.trim(), textHash, signature }
  if (hasErrors(validateAnswers(pledgeSigning, answers))) return { kind: 'invalid' }
  const record = await createDraft(stores, {
    formId: pledgeSigning.id,
    formVersion: pledgeSigning.version,
    schoolId: user.schoolId,
    userId: user.id,
    deviceId: await getDeviceId(stores),
    subjectId: pledge.id,
    answers,
    attachments: [signature],
  })
  const queued = await enqueueSubmission(stores, record.id, new Date())
  return queued.kind === 'queued' ? { kind: 'queued', id: record.id } : { kind: 'invalid' }
}
