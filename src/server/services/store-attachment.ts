import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { User } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import type { BlobStore } from '../blobs/blob-store.js'
import { sniffImage } from '../blobs/sniff-image.js'
import type { Database } from '../db/schema.js'

export type StoredBlob = { readonly sha256: string; readonly mime: string; readonly size: number }

export async function findBlob(db: Kysely<Database>, sha256: string): Promise<StoredBlob | undefined> {
  return db.selectFrom('blobs').select(['sha256', 'mime', 'size']).where('sha256', '=', sha256).executeTakeFirst()
}

/**
 * Checks the bytes are what the URL names and a real image, stores them, then records the row.
 * Returns true when the blob is new. Bytes first, row second: a row always has its file.
 */
export async function storeAttachment(
  db: Kysely<Database>,
  blobs: BlobStore,
  user: User,
  sha256: string,
  bytes: Uint8Array,
  now: Date,
): Promise<boolean> {
  const actual = createHash('sha256').update(bytes).digest('hex')
  if (actual !== sha256) throw new ApiHttpError('bad_request', 'The bytes do not match the SHA-256 in the URL')
  const mime = sniffImage(bytes)
  if (!mime) throw new ApiHttpError('unsupported_media_type', 'Only JPEG, PNG and WebP images are accepted')
  if (await findBlob(db, sha256)) return false
  await blobs.put(sha256, bytes)
  const inserted = await db
    .insertInto('blobs')
    .values({ sha256, mime, size: bytes.byteLength, created_at: now.toISOString(), created_by: user.id })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .returning('sha256')
    .executeTakeFirst()
  return inserted !== undefined
}

/** A blob is readable by its uploader and by anyone who may see a submission that refers to it. */
export async function mayReadBlob(
  db: Kysely<Database>,
  user: User,
  sha256: string,
  schoolIds: readonly string[] | 'all',
): Promise<boolean> {
  const own = await db
    .selectFrom('blobs')
    .select('sha256')
    .where('sha256', '=', sha256)
    .where('created_by', '=', user.id)
    .executeTakeFirst()
  if (own) return true
  if (schoolIds !== 'all' && schoolIds.length === 0) return false
  let query = db
    .selectFrom('submission_blobs')
    .innerJoin('submissions', 'submissions.id', 'submission_blobs.submission_id')
    .select('submissions.id')
    .where('submission_blobs.sha256', '=', sha256)
  if (schoolIds !== 'all') query = query.where('submissions.school_id', 'in', [...schoolIds])
  return (await query.limit(1).executeTakeFirst()) !== undefined
}
