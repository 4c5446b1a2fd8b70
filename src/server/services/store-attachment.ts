import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { issueMessage } from '../../core/messages.js'
import type { User } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import type { BlobStore } from '../blobs/blob-store.js'
import { sniffImage } from '../blobs/sniff-image.js'
import type { Database } from '../db/schema.js'
import { isReferenced, ownerKeyOf, pendingBytes } from './blob-possession.js'

export type StoredBlob = { readonly sha256: string; readonly mime: string; readonly size: number }

export async function findBlob(db: Kysely<Database>, sha256: string): Promise<StoredBlob | undefined> {
  return db.selectFrom('blobs').select(['sha256', 'mime', 'size']).where('sha256', '=', sha256).executeTakeFirst()
}

function quotaExceeded(quotaBytes: number): ApiHttpError {
  const limit = Math.floor(quotaBytes / (1024 * 1024))
  const issue = { fieldId: 'attachments', code: 'uploadQuota' as const, severity: 'error' as const, message: issueMessage('uploadQuota', { limit }) }
  return new ApiHttpError('too_many_requests', issue.message.en, [issue])
}

/**
 * Checks the bytes are what the URL names and a real image, stores them, then records the blob
 * and this scope as one of its owners. Returns true when the blob is new. Bytes first, rows
 * second: a row always has its file. The same bytes from another scope are its proof of
 * possession: they add that scope as an owner and answer "known". Only bytes no report refers to
 * yet count against the scope's quota (a concurrent upload may overshoot it by one photo).
 */
export async function storeAttachment(
  db: Kysely<Database>,
  blobs: BlobStore,
  user: User,
  sha256: string,
  bytes: Uint8Array,
  now: Date,
  quotaBytes: number,
): Promise<boolean> {
  const actual = createHash('sha256').update(bytes).digest('hex')
  if (actual !== sha256) throw new ApiHttpError('bad_request', 'The bytes do not match the SHA-256 in the URL')
  const mime = sniffImage(bytes)
  if (!mime) throw new ApiHttpError('unsupported_media_type', 'Only JPEG, PNG and WebP images are accepted')
  const owner = ownerKeyOf(user)
  if (owner === undefined) throw new ApiHttpError('forbidden', 'Your account belongs to no school or district')

  const existing = await findBlob(db, sha256)
  const owned = await db.selectFrom('blob_owners').select('sha256').where('sha256', '=', sha256).where('owner', '=', owner).executeTakeFirst()
  if (!owned) {
    const adds = existing !== undefined && (await isReferenced(db, sha256)) ? 0 : bytes.byteLength
    if (adds > 0 && (await pendingBytes(db, owner)) + adds > quotaBytes) throw quotaExceeded(quotaBytes)
  }
  // A row whose file a sweep removed in a race gets its bytes back from this upload.
  if (!existing || !(await blobs.has(sha256))) await blobs.put(sha256, bytes)
  const at = now.toISOString()
  const inserted = existing
    ? undefined
    : await db
        .insertInto('blobs')
        .values({ sha256, mime, size: bytes.byteLength, created_at: at, created_by: user.id })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .returning('sha256')
        .executeTakeFirst()
  await db
    .insertInto('blob_owners')
    .values({ sha256, owner, uploaded_at: at })
    .onConflict((oc) => oc.columns(['sha256', 'owner']).doUpdateSet({ uploaded_at: at }))
    .execute()
  return inserted !== undefined
}
