import { v7 as uuidv7 } from 'uuid'
import { iso, toMs, type DraftInit, type OutboxRecord } from './outbox.js'
import type { Stores } from './storage.js'

// Apart from outbox.ts: only the screens that start a report need it (and the UUID library), not
// the first screen, which reads and sends the outbox (README, Performance: the first-screen budget).

/** Starts a new draft with a client-made UUID v7 id (the server's primary key later). */
export async function createDraft(stores: Stores, init: DraftInit): Promise<OutboxRecord> {
  const { now: startedAt = Date.now(), ...fields } = init
  const now = toMs(startedAt)
  const record: OutboxRecord = {
    ...fields,
    // Wall-clock v7 (not the injected now): ids stay unique and increase within the tab.
    id: uuidv7(),
    answers: init.answers ?? {},
    attachments: init.attachments ?? [],
    startedAt: iso(now),
    state: 'draft',
    attempts: 0,
    nextAttemptAt: now,
    updatedAt: iso(now),
  }
  await stores.records.setItem(record.id, record)
  return record
}
