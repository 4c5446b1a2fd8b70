import type { Kysely } from 'kysely'
import type { BlobStore } from '../blobs/blob-store.js'
import type { Database } from '../db/schema.js'

type Db = Kysely<Database>

export type SweepResult = { readonly removedBlobs: number; readonly removedTempFiles: number }

const DAY_MS = 24 * 60 * 60 * 1000
/** A temp file lives for one write and fsync; one this old was left by a killed server, not a running upload. */
const TEMP_FILE_AGE_MS = 60 * 60 * 1000
const ROUND = 200

/** Blobs no report refers to and nobody uploaded since the cutoff. */
async function unreferencedSince(db: Db, cutoff: string, after: string): Promise<string[]> {
  const rows = await db
    .selectFrom('blobs')
    .select('blobs.sha256')
    .where('blobs.sha256', '>', after)
    .where('blobs.created_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('submission_blobs').select('submission_blobs.sha256').whereRef('submission_blobs.sha256', '=', 'blobs.sha256'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('blob_owners').select('blob_owners.sha256').whereRef('blob_owners.sha256', '=', 'blobs.sha256').where('blob_owners.uploaded_at', '>=', cutoff))),
    )
    .orderBy('blobs.sha256')
    .limit(ROUND)
    .execute()
  return rows.map((row) => row.sha256)
}

/**
 * Removes the rows of blobs that stayed unreferenced through the grace period, re-checking the
 * condition in the DELETE itself (a report may have claimed one meanwhile), then their files.
 * Rows first: a file without a row is harmless and the next upload of it rewrites it.
 */
async function removeRound(db: Db, blobs: BlobStore, candidates: readonly string[], cutoff: string): Promise<number> {
  const removed = await db.transaction().execute(async (trx) => {
    const stillUnreferenced = trx
      .selectFrom('blobs')
      .select('blobs.sha256')
      .where('blobs.sha256', 'in', candidates)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('submission_blobs').select('submission_blobs.sha256').whereRef('submission_blobs.sha256', '=', 'blobs.sha256'))),
      )
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('blob_owners').select('blob_owners.sha256').whereRef('blob_owners.sha256', '=', 'blobs.sha256').where('blob_owners.uploaded_at', '>=', cutoff))),
      )
    const doomed = (await stillUnreferenced.execute()).map((row) => row.sha256)
    if (doomed.length === 0) return []
    await trx.deleteFrom('blob_owners').where('sha256', 'in', doomed).execute()
    const rows = await trx
      .deleteFrom('blobs')
      .where('sha256', 'in', doomed)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('submission_blobs').select('submission_blobs.sha256').whereRef('submission_blobs.sha256', '=', 'blobs.sha256'))),
      )
      .returning('sha256')
      .execute()
    return rows.map((row) => row.sha256)
  })
  for (const sha256 of removed) await blobs.remove(sha256)
  return removed.length
}

/**
 * Removes what no report will ever use: blobs no report refers to once nobody uploaded them for
 * the grace period (a phone may upload photos days before its report arrives, so a fresh
 * unreferenced blob stays), and temp files a killed server left in the blob folder.
 */
export async function sweepBlobs(db: Db, blobs: BlobStore, options: { readonly now: Date; readonly graceDays: number }): Promise<SweepResult> {
  const cutoff = new Date(options.now.getTime() - options.graceDays * DAY_MS).toISOString()
  let removedBlobs = 0
  // Paged by hash: a candidate claimed meanwhile survives its re-check and is not met again.
  let after = ''
  for (;;) {
    const candidates = await unreferencedSince(db, cutoff, after)
    const last = candidates.at(-1)
    if (last === undefined) break
    after = last
    removedBlobs += await removeRound(db, blobs, candidates, cutoff)
  }
  const removedTempFiles = await blobs.removeStaleTemp(new Date(options.now.getTime() - TEMP_FILE_AGE_MS))
  return { removedBlobs, removedTempFiles }
}
