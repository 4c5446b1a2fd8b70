import type { Kysely } from 'kysely'
import type { User } from '../../core/protocol.js'
import type { Database } from '../db/schema.js'
import { chunks } from './ingest-lookups.js'

type Db = Kysely<Database>

/**
 * The scope a user's uploads belong to: their school, or their district for the bureau and
 * inspectors (an inspector's photo of school 2 is the district's until a report gives it to the
 * school), or everyone for an admin. Undefined: an account with no unit holds nothing.
 */
export function ownerKeyOf(user: User): string | undefined {
  if (user.role === 'admin') return 'global'
  if (user.role === 'staff' || user.role === 'principal') return user.schoolId === null ? undefined : `school:${user.schoolId}`
  return user.districtId === null ? undefined : `district:${user.districtId}`
}

async function ownedByScope(db: Db, owner: string, hashes: readonly string[], into: Set<string>): Promise<void> {
  for (const part of chunks(hashes)) {
    const rows = await db.selectFrom('blob_owners').select('sha256').where('owner', '=', owner).where('sha256', 'in', part).execute()
    for (const row of rows) into.add(row.sha256)
  }
}

/** Hashes that a stored report of a school the user sees refers to. */
async function referencedInScope(db: Db, user: User, hashes: readonly string[], into: Set<string>): Promise<void> {
  for (const part of chunks(hashes)) {
    let query = db
      .selectFrom('submission_blobs')
      .innerJoin('submissions', 'submissions.id', 'submission_blobs.submission_id')
      .select('submission_blobs.sha256')
      .distinct()
      .where('submission_blobs.sha256', 'in', part)
    if (user.role === 'staff' || user.role === 'principal') {
      if (user.schoolId === null) return
      query = query.where('submissions.school_id', '=', user.schoolId)
    } else if (user.role !== 'admin') {
      if (user.districtId === null) return
      query = query.innerJoin('schools', 'schools.id', 'submissions.school_id').where('schools.district_id', '=', user.districtId)
    }
    for (const row of await query.execute()) into.add(row.sha256)
  }
}

/**
 * The hashes among `hashes` the user's scope possesses: it uploaded the bytes itself, or it holds
 * a report that refers to them. Only these may be attached to a report or read back; for any
 * other hash the answer is the same as for one never stored, so a hash alone reveals nothing.
 */
export async function possessedBlobs(db: Db, user: User, hashes: readonly string[]): Promise<Set<string>> {
  const possessed = new Set<string>()
  const distinct = [...new Set(hashes)]
  if (distinct.length === 0) return possessed
  if (user.role === 'admin') {
    for (const part of chunks(distinct)) {
      for (const row of await db.selectFrom('blobs').select('sha256').where('sha256', 'in', part).execute()) possessed.add(row.sha256)
    }
    return possessed
  }
  const owner = ownerKeyOf(user)
  if (owner !== undefined) await ownedByScope(db, owner, distinct, possessed)
  const rest = distinct.filter((hash) => !possessed.has(hash))
  if (rest.length > 0) await referencedInScope(db, user, rest, possessed)
  return possessed
}

/** The hashes among `hashes` stored here that the user may read: what HEAD would answer 200 for, one by one. */
export async function heldBlobs(db: Db, user: User, hashes: readonly string[]): Promise<string[]> {
  const possessed = await possessedBlobs(db, user, hashes)
  if (possessed.size === 0) return []
  const stored = new Set<string>()
  for (const part of chunks([...possessed])) {
    for (const row of await db.selectFrom('blobs').select('sha256').where('sha256', 'in', part).execute()) stored.add(row.sha256)
  }
  return [...possessed].filter((hash) => stored.has(hash))
}

export async function mayReadBlob(db: Db, user: User, sha256: string): Promise<boolean> {
  return (await possessedBlobs(db, user, [sha256])).has(sha256)
}

/** Bytes this scope uploaded that no report refers to yet: what the upload quota limits. */
export async function pendingBytes(db: Db, owner: string): Promise<number> {
  const row = await db
    .selectFrom('blob_owners')
    .innerJoin('blobs', 'blobs.sha256', 'blob_owners.sha256')
    .select((eb) => eb.fn.sum<number | string | null>('blobs.size').as('total'))
    .where('blob_owners.owner', '=', owner)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('submission_blobs').select('submission_blobs.sha256').whereRef('submission_blobs.sha256', '=', 'blob_owners.sha256'))),
    )
    .executeTakeFirst()
  return Number(row?.total ?? 0)
}

export async function isReferenced(db: Db, sha256: string): Promise<boolean> {
  return (await db.selectFrom('submission_blobs').select('sha256').where('sha256', '=', sha256).limit(1).executeTakeFirst()) !== undefined
}
