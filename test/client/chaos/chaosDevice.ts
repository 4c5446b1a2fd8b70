import type { Answers, CheckAnswer } from '../../../src/core/forms/types.js'
import { putBlob } from '../../../src/client/offline/blobStore.js'
import { enqueueSubmission } from '../../../src/client/offline/outbox.js'
import { createDraft } from '../../../src/client/offline/createDraft.js'
import { openStores, type Stores } from '../../../src/client/offline/storage.js'
import { createSyncEngine, type SyncEngine, type SyncSummary } from '../../../src/client/offline/syncEngine.js'
import { createFetchTransport } from '../../../src/client/offline/transport.js'
import { createLocalLock } from '../../../src/client/offline/webLock.js'
import { passingAnswers } from '../../server/envelopes.js'
import { tinyPng } from '../../server/images.js'

export type DeviceAccount = { readonly username: string; readonly password: string; readonly schools: readonly string[] }

/** Demo accounts and the schools each may report for (inspectors, bureaus and the admin file too). */
export const deviceAccounts: readonly DeviceAccount[] = [
  { username: 'school1', password: 'school123', schools: ['school-1'] },
  { username: 'principal1', password: 'principal123', schools: ['school-1'] },
  { username: 'school2', password: 'school123', schools: ['school-2'] },
  { username: 'inspector', password: 'inspector123', schools: ['school-1', 'school-2', 'school-3', 'school-4', 'school-5'] },
  { username: 'bureau', password: 'bureau123', schools: ['school-3', 'school-4', 'school-5'] },
  { username: 'bureau2', password: 'bureau123', schools: ['school-6'] },
  { username: 'admin', password: 'admin123', schools: ['school-1', 'school-6'] },
]

/** What the test meant each report to be, so the comparison knows what to expect. */
export type Planned = { readonly marker: string; readonly valid: boolean; readonly hazard: boolean }

export type DeviceTotals = {
  created: number
  engineRestarts: number
  passes: number
  sentOrDuplicate: number
}

export type ChaosDevice = {
  readonly name: string
  readonly stores: Stores
  readonly planned: Map<string, Planned>
  readonly totals: DeviceTotals
  /** Creates its quota of reports while syncing through the faults, until every one is settled. */
  run(): Promise<void>
}

export type DeviceOptions = {
  readonly name: string
  readonly account: DeviceAccount
  readonly proxyUrl: string
  readonly quota: number
  readonly random: () => number
  /** The shared photo pool: many reports attach the same photos (dedupe at the server). */
  readonly photoPool: readonly Uint8Array[]
  /** Virtual milliseconds per real millisecond while a device waits out its backoff. */
  readonly timeScale: number
  /** Pull forms/schools/hazards before each push, as the app does (costs 4 GETs a pass). */
  readonly pulls: boolean
  readonly onSummary: (summary: SyncSummary) => void
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function signIn(proxyUrl: string, account: DeviceAccount): Promise<string> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    try {
      const response = await fetch(`${proxyUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: account.username, password: account.password }),
      })
      if (response.ok) return ((await response.json()) as { token: string }).token
    } catch {
      // The line dropped or the server is down: try again.
    }
    await sleep(20)
  }
  throw new Error(`${account.username} could not sign in through the proxy`)
}

let uniquePhoto = 0

/** One phone: its own IndexedDB namespace, the real outbox and sync engine, fetch via the proxy. */
export function createChaosDevice(options: DeviceOptions): ChaosDevice {
  const { random, account } = options
  const stores = openStores(`chaos-${options.name}-${Date.now()}`)
  const planned = new Map<string, Planned>()
  const totals: DeviceTotals = { created: 0, engineRestarts: 0, passes: 0, sentOrDuplicate: 0 }
  // Virtual time: the engine's real backoff (2 s doubling to 5 min) passes 1000× faster.
  let virtualNow = Date.now()
  let token: string | null = null
  const transport = createFetchTransport({ baseUrl: options.proxyUrl, getToken: () => token, timeoutMs: 15_000 })
  const lock = createLocalLock()
  const makeEngine = (): SyncEngine =>
    createSyncEngine({
      stores,
      transport,
      now: () => virtualNow,
      random,
      lock,
      channel: { postMessage: () => undefined },
      ...(options.pulls ? { onPulled: () => undefined } : {}),
    })
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T

  async function photo(): Promise<string> {
    if (random() < 0.15) {
      uniquePhoto += 1
      return putBlob(stores, tinyPng(uniquePhoto % 256, (uniquePhoto >> 8) % 256, 255 - (uniquePhoto % 200)), 'image/png')
    }
    return putBlob(stores, pick(options.photoPool), 'image/png')
  }

  async function createReport(): Promise<void> {
    const index = totals.created
    totals.created += 1
    const marker = `chaos ${options.name} #${index}`
    const valid = random() >= 0.02
    const hazard = valid && random() < 0.1
    const exitsPhotos = [await photo()]
    const extinguisherPhotos = random() < 0.5 ? [await photo(), await photo()] : []
    const answers: Record<string, Answers[string]> = {
      ...passingAnswers(),
      remarks: marker,
      exits: { result: 'pass', photos: exitsPhotos } satisfies CheckAnswer,
      extinguishers: { result: 'pass', photos: extinguisherPhotos } satisfies CheckAnswer,
    }
    if (hazard) {
      answers['responsibility'] = {
        result: 'fail',
        hazard: { description: `${marker}: no fire safety manager named`, severity: 'medium', deadline: '2026-04-01' },
      } satisfies CheckAnswer
    }
    // A report the server must refuse: it stays on the phone as rejected, never on the server.
    if (!valid) answers['checkDate'] = 'not-a-date'
    const attachments = [...new Set([...exitsPhotos, ...extinguisherPhotos])]
    const draft = await createDraft(stores, {
      formId: 'fire-safety',
      formVersion: 1,
      schoolId: pick(account.schools),
      deviceId: `device-${options.name}`,
      userId: `user-${account.username}`,
      answers: answers as Answers,
      attachments,
      now: virtualNow,
    })
    const queued = await enqueueSubmission(stores, draft.id, virtualNow)
    if (queued.kind !== 'queued') throw new Error(`could not queue ${marker}: ${queued.kind}`)
    planned.set(draft.id, { marker, valid, hazard })
  }

  async function unsettled(): Promise<number> {
    let count = 0
    await stores.records.iterate<{ state: string }, void>((record) => {
      if (record.state !== 'sent' && record.state !== 'rejected') count += 1
    })
    return count
  }

  return {
    name: options.name,
    stores,
    planned,
    totals,
    async run() {
      token = await signIn(options.proxyUrl, account)
      let engine = makeEngine()
      while (totals.created < options.quota || (await unsettled()) > 0) {
        const burst = Math.min(options.quota - totals.created, 1 + Math.floor(random() * 6))
        for (let i = 0; i < burst; i += 1) await createReport()
        const summary = await engine.syncNow('chaos')
        totals.passes += 1
        totals.sentOrDuplicate += summary.sent + summary.duplicate
        options.onSummary(summary)
        if (engine.state().kind === 'paused_auth') {
          token = await signIn(options.proxyUrl, account)
          engine.resume()
        }
        // The app is closed and opened again now and then: a new engine over the same stores.
        if (random() < 0.05) {
          engine = makeEngine()
          totals.engineRestarts += 1
        }
        const wake = engine.nextWakeAt()
        if (wake !== null && wake > virtualNow) {
          await sleep(Math.min(200, Math.max(2, (wake - virtualNow) / options.timeScale)))
          virtualNow = wake
        } else {
          await sleep(1 + Math.floor(random() * 10))
          virtualNow += 1_000
        }
      }
    },
  }
}
