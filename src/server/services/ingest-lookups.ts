import type { Kysely } from 'kysely'
import type { CampaignChecklist } from '../../core/campaignFiling.js'
import type { FormTemplate } from '../../core/forms/types.js'
import type { SubmissionEnvelope, SubmitResult, User } from '../../core/protocol.js'
import { apiError } from '../api-error.js'
import { findSchool, type SchoolRef } from '../auth/scope.js'
import { ownerReached } from '../auth/template-owner.js'
import type { Database } from '../db/schema.js'
import { possessedBlobs } from './blob-possession.js'
import { targetedChecklist } from './campaigns/campaign-subject.js'

type Db = Kysely<Database>
export type Stored = { readonly digest: string; readonly receivedAt: string }

// Keeps each IN list and multi-row insert well under SQLite's and PostgreSQL's parameter limits (50 reports × 200 photos).
const CHUNK = 500

export function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = []
  for (let start = 0; start < values.length; start += CHUNK) out.push(values.slice(start, start + CHUNK))
  return out
}

/**
 * What ingest reads to decide about a batch, read in the batch's transaction and once per batch
 * instead of once per report: the stored rows of every id and the known photos in one query
 * each, and each school and template the first time an item names it (a batch comes from one
 * phone, so it names one school and a few forms). A batch has one sender, so which photos it
 * may attach is read once for the whole batch.
 */
export type IngestLookups = {
  school(schoolId: string): Promise<SchoolRef | undefined>
  /** The version as the school's district sees it: global or that district's own, else undefined. */
  template(formId: string, version: number, districtId: string): Promise<FormTemplate | undefined>
  /** A stored row with the same id: the same bytes are a duplicate, different bytes a conflict. */
  priorOutcome(id: string, digest: string): SubmitResult | undefined
  /** Hashes the submitting scope does not possess (never stored, or stored by someone else: the same answer). */
  unpossessedBlobs(hashes: readonly string[]): string[]
  /** The checklist of a campaign sent to this school, or undefined (none, or not sent to it). */
  campaign(campaignId: string, schoolId: string): Promise<CampaignChecklist | undefined>
  /** An item of this batch was stored: a later item with its id is answered from it. */
  remember(id: string, stored: Stored): void
}

/** Same bytes as the stored row: a duplicate with its receipt; different bytes: a conflict. */
export function priorOutcomeOf(id: string, digest: string, stored: Stored | undefined): SubmitResult | undefined {
  if (!stored) return undefined
  if (stored.digest === digest) return { id, status: 'duplicate', receivedAt: stored.receivedAt, digest }
  return { id, status: 'conflict', error: apiError('conflict', 'A different report with this id was already received') }
}

export async function storedRows(trx: Db, ids: readonly string[]): Promise<Map<string, Stored>> {
  const stored = new Map<string, Stored>()
  for (const part of chunks(ids)) {
    const rows = await trx.selectFrom('submissions').select(['id', 'digest', 'received_at']).where('id', 'in', part).execute()
    for (const row of rows) stored.set(row.id, { digest: row.digest, receivedAt: row.received_at })
  }
  return stored
}

async function findTemplate(trx: Db, formId: string, version: number, districtId: string): Promise<FormTemplate | undefined> {
  const row = await trx
    .selectFrom('forms')
    .select('template')
    .where('id', '=', formId)
    .where('version', '=', version)
    .where(ownerReached({ kind: 'district', districtId }))
    .executeTakeFirst()
  return row && (JSON.parse(row.template) as FormTemplate)
}

function memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key)
  if (value === undefined) {
    value = load()
    cache.set(key, value)
  }
  return value
}

export async function loadIngestLookups(trx: Db, user: User, envelopes: readonly SubmissionEnvelope[]): Promise<IngestLookups> {
  const stored = await storedRows(trx, [...new Set(envelopes.map((envelope) => envelope.id))])
  const possessed = await possessedBlobs(trx, user, envelopes.flatMap((envelope) => envelope.attachments))
  const schools = new Map<string, Promise<SchoolRef | undefined>>()
  const templates = new Map<string, Promise<FormTemplate | undefined>>()
  const campaigns = new Map<string, Promise<CampaignChecklist | undefined>>()
  return {
    school: (schoolId) => memo(schools, schoolId, () => findSchool(trx, schoolId)),
    template: (formId, version, districtId) => memo(templates, `${formId}@${version} ${districtId}`, () => findTemplate(trx, formId, version, districtId)),
    priorOutcome: (id, digest) => priorOutcomeOf(id, digest, stored.get(id)),
    unpossessedBlobs: (hashes) => hashes.filter((hash) => !possessed.has(hash)),
    campaign: (campaignId, schoolId) => memo(campaigns, `${campaignId} ${schoolId}`, () => targetedChecklist(trx, campaignId, schoolId)),
    remember: (id, row) => void stored.set(id, row),
  }
}
