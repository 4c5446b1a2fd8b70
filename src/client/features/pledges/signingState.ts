import { PLEDGE_SIGNING_FORM_ID } from '../../../core/pledges.js'
import type { OutboxRecord } from '../../offline/outbox.js'
import type { CachedPledge } from './pledgeCache.js'

/**
 * Where a pledge stands for the person holding the phone: signed on the server, signed here
 * and on its way (or delivered, before the next pull), refused by the server, or waiting.
 */
export type SigningState =
  | { readonly kind: 'signed'; readonly signatureId: string; readonly signedAt: string }
  | { readonly kind: 'on_phone'; readonly record: OutboxRecord }
  | { readonly kind: 'rejected'; readonly record: OutboxRecord }
  | { readonly kind: 'waiting' }

/** This user's signing records of one version, newest last. */
export function signingsOf(records: readonly OutboxRecord[], versionId: string, userId: string): OutboxRecord[] {
  return records.filter((record) => record.formId === PLEDGE_SIGNING_FORM_ID && record.subjectId === versionId && record.userId === userId)
}

export function signingState(pledge: CachedPledge, records: readonly OutboxRecord[], userId: string): SigningState {
  if (pledge.signature) return { kind: 'signed', signatureId: pledge.signature.id, signedAt: pledge.signature.signedAt }
  const mine = signingsOf(records, pledge.id, userId).filter((record) => record.state !== 'draft')
  const live = mine.find((record) => record.state !== 'rejected')
  if (live) return { kind: 'on_phone', record: live }
  const refused = mine.at(-1)
  return refused ? { kind: 'rejected', record: refused } : { kind: 'waiting' }
}
