import { createHash } from 'node:crypto'
import { digestOf } from '../../../src/core/digest.js'
import type { Hazard, StoredSubmission, SubmissionsPage } from '../../../src/core/protocol.js'
import { listRecords, toEnvelope } from '../../../src/client/offline/outbox.js'
import type { ChaosDevice } from './chaosDevice.js'

export type DeliveryCheck = {
  /** Valid reports the server does not hold, or that are not 'sent' on the phone. */
  lost: number
  /** Server rows beyond one per planned report (same marker twice). */
  duplicated: number
  /** Server rows no device made. */
  phantom: number
  /** Receipt digest ≠ stored digest, or ≠ the phone's own digest of what it kept. */
  digestMismatches: number
  /** Refused-by-design reports that reached the server or did not end 'rejected' on the phone. */
  wronglyStored: number
  hazardsExpected: number
  hazardsStored: number
  /** Distinct photos the sent reports refer to, and how many of those the server returns intact. */
  photosReferenced: number
  distinctPhotos: number
  photosIntact: number
  serverRows: number
  acceptedFirstTime: number
  recoveredDuplicates: number
  rejectedAsDesigned: number
  maxAttempts: number
  problems: string[]
}

async function getJson<T>(url: string, token: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  return (await response.json()) as T
}

async function serverSubmissions(baseUrl: string, token: string): Promise<StoredSubmission[]> {
  const all: StoredSubmission[] = []
  let cursor: string | null = null
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`
    const page: SubmissionsPage = await getJson<SubmissionsPage>(`${baseUrl}/api/v1/submissions?limit=200${query}`, token)
    all.push(...page.submissions)
    cursor = page.nextCursor
  } while (cursor !== null)
  // The demo seed files one school's campaign checklist and 已阅 itself: those rows are no phone's.
  return all.filter((row) => row.deviceId !== 'demo-seed')
}

/** Compares every device's records with what the server holds, through the API as the admin. */
export async function verifyDelivery(devices: readonly ChaosDevice[], baseUrl: string, adminToken: string): Promise<DeliveryCheck> {
  const check: DeliveryCheck = {
    lost: 0, duplicated: 0, phantom: 0, digestMismatches: 0, wronglyStored: 0, hazardsExpected: 0, hazardsStored: 0,
    photosReferenced: 0, distinctPhotos: 0, photosIntact: 0, serverRows: 0, acceptedFirstTime: 0, recoveredDuplicates: 0,
    rejectedAsDesigned: 0, maxAttempts: 0, problems: [],
  }
  const problem = (text: string) => {
    if (check.problems.length < 20) check.problems.push(text)
  }
  const stored = await serverSubmissions(baseUrl, adminToken)
  check.serverRows = stored.length
  const byId = new Map(stored.map((row) => [row.id, row]))
  const byMarker = new Map<string, number>()
  for (const row of stored) {
    const marker = String(row.answers['remarks'] ?? '')
    byMarker.set(marker, (byMarker.get(marker) ?? 0) + 1)
  }
  const known = new Set<string>()
  const photos = new Set<string>()

  for (const device of devices) {
    for (const record of await listRecords(device.stores)) {
      known.add(record.id)
      const plan = device.planned.get(record.id)
      if (plan === undefined) {
        problem(`${device.name}: record ${record.id} was never planned`)
        continue
      }
      check.maxAttempts = Math.max(check.maxAttempts, record.attempts)
      const row = byId.get(record.id)
      if (!plan.valid) {
        if (row !== undefined || record.state !== 'rejected') {
          check.wronglyStored += 1
          problem(`${plan.marker}: refused by design but state ${record.state}, at server: ${row !== undefined}`)
        } else check.rejectedAsDesigned += 1
        continue
      }
      if (plan.hazard) check.hazardsExpected += 1
      if ((byMarker.get(plan.marker) ?? 0) > 1) check.duplicated += (byMarker.get(plan.marker) ?? 0) - 1
      if (row === undefined || record.state !== 'sent' || record.receipt === undefined) {
        check.lost += 1
        problem(`${plan.marker}: state ${record.state}, at server: ${row !== undefined}, error ${record.lastError?.code ?? '-'}`)
        continue
      }
      if (record.receipt.status === 'accepted') check.acceptedFirstTime += 1
      else check.recoveredDuplicates += 1
      const ours = await digestOf(toEnvelope(record))
      if (record.receipt.digest !== row.digest || ours !== row.digest || record.lastError !== undefined) {
        check.digestMismatches += 1
        problem(`${plan.marker}: receipt ${record.receipt.digest} stored ${row.digest} phone ${ours}`)
      }
      check.photosReferenced += record.attachments.length
      for (const hash of record.attachments) photos.add(hash)
    }
  }
  for (const row of stored) {
    if (!known.has(row.id)) {
      check.phantom += 1
      problem(`server row ${row.id} (${String(row.answers['remarks'])}) belongs to no device record`)
    }
  }

  const { hazards } = await getJson<{ hazards: Hazard[] }>(`${baseUrl}/api/v1/hazards`, adminToken)
  check.hazardsStored = hazards.filter((hazard) => known.has(hazard.submissionId)).length

  check.distinctPhotos = photos.size
  for (const hash of photos) {
    const response = await fetch(`${baseUrl}/api/v1/attachments/${hash}`, { headers: { authorization: `Bearer ${adminToken}` } })
    const bytes = Buffer.from(await response.arrayBuffer())
    if (response.ok && createHash('sha256').update(bytes).digest('hex') === hash) check.photosIntact += 1
    else problem(`photo ${hash}: HTTP ${response.status}`)
  }
  return check
}
