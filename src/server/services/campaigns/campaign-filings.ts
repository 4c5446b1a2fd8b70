import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { chunks } from '../ingest-lookups.js'

export type FirstFiling = { readonly submissionId: string; readonly receivedAt: string }

/**
 * Each school's first report filed for this campaign: a report of its checklist whose subjectId
 * names the campaign (ingest accepts one only for a campaign sent to the school, on its form and
 * fixed version). Another campaign's filing on the same checklist, or a routine report of the
 * same form, is not this campaign's.
 */
export async function firstFilings(db: Kysely<Database>, campaign: { readonly id: string; readonly form_id: string }, schoolIds: readonly string[]): Promise<Map<string, FirstFiling>> {
  const first = new Map<string, FirstFiling>()
  for (const part of chunks(schoolIds)) {
    const query = db
      .selectFrom('submissions')
      .select(['id', 'school_id', 'received_at'])
      .where('subject_id', '=', campaign.id)
      // The campaign's 已阅 names it too: only its checklist is a filing.
      .where('form_id', '=', campaign.form_id)
      .where('school_id', 'in', part)
    for (const row of await query.orderBy('received_at').orderBy('id').execute()) {
      if (!first.has(row.school_id)) first.set(row.school_id, { submissionId: row.id, receivedAt: row.received_at })
    }
  }
  return first
}
