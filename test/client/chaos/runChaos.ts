import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SyncSummary } from '../../../src/client/offline/syncEngine.js'
import { createScratchSchema, type ScratchSchema } from '../../../src/server/db/scratch-schema.js'
import { tinyPng } from '../../server/images.js'
import { createChaosDevice, deviceAccounts, type ChaosDevice } from './chaosDevice.js'
import { startFaultProxy, type FaultRates, type ProxyStats } from './faultProxy.js'
import { createServerProcess } from './serverProcess.js'
import { seededRandom } from '../../../bench/seededRandom.js'
import { verifyDelivery, type DeliveryCheck } from './verifyDelivery.js'

export type ChaosOptions = {
  readonly reports: number
  readonly devices: number
  /** Delivered shares (0..1) at which the server is SIGKILLed and started again. */
  readonly killAt: readonly number[]
  readonly seed: number
  /** PostgreSQL URL; unset runs on the embedded SQLite file. */
  readonly databaseUrl?: string
  readonly rates?: FaultRates
  readonly photoPool?: number
  /** Called about every 5 s with a line of progress (the bench prints it). */
  readonly onProgress?: (line: string) => void
}

export type ChaosResult = {
  readonly check: DeliveryCheck
  readonly proxy: ProxyStats
  readonly kills: number
  readonly starts: number
  readonly engineRestarts: number
  readonly passes: number
  readonly retried: number
  readonly blobUploads: number
  readonly seconds: number
  readonly dialect: 'sqlite' | 'postgres'
}

async function signInDirect(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!response.ok) throw new Error(`login ${username}: HTTP ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

/**
 * Many simulated phones (the real outbox and sync engine over fake-indexeddb) deliver reports
 * with photos through a fault-injecting proxy to the real server in a child process, which is
 * SIGKILLed and restarted mid-run; then every phone's records are compared with the server's.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now()
  const random = seededRandom(options.seed)
  const dataDir = await mkdtemp(join(tmpdir(), 'school-report-chaos-'))
  let schema: ScratchSchema | null = null
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    STATIC_DIR: join(dataDir, 'no-dist'),
    SEED_DEMO: '1',
    LOG_LEVEL: 'fatal',
    // Phones whose login reply was lost sign in again: the per-minute flood guard must not bite.
    LOGIN_MAX_PER_MINUTE: '100000',
  }
  if (options.databaseUrl !== undefined) {
    schema = await createScratchSchema(options.databaseUrl, 'chaos')
    const url = new URL(options.databaseUrl)
    url.searchParams.set('options', `-c search_path=${schema.name}`)
    env['DATABASE_URL'] = url.toString()
  } else {
    env['DATABASE_URL'] = ''
  }
  const server = await createServerProcess(env)
  await server.start()
  const proxy = await startFaultProxy({ targetPort: server.port, random: seededRandom(options.seed + 1), ...(options.rates ? { rates: options.rates } : {}) })

  const photoPool = Array.from({ length: options.photoPool ?? 200 }, (_, index) => new Uint8Array(tinyPng(index % 256, 128, Math.floor(index / 256))))
  let delivered = 0
  let retried = 0
  let blobUploads = 0
  const onSummary = (summary: SyncSummary) => {
    delivered += summary.sent + summary.duplicate
    retried += summary.retried
    blobUploads += summary.uploadedBlobs
  }
  const devices: ChaosDevice[] = []
  for (let index = 0; index < options.devices; index += 1) {
    const quota = Math.floor(options.reports / options.devices) + (index < options.reports % options.devices ? 1 : 0)
    devices.push(
      createChaosDevice({
        name: `d${String(index).padStart(2, '0')}`,
        account: deviceAccounts[index % deviceAccounts.length] ?? deviceAccounts[0]!,
        proxyUrl: proxy.url,
        quota,
        random: seededRandom(options.seed * 31 + index),
        photoPool,
        timeScale: 1000,
        pulls: index % 4 === 0,
        onSummary,
      }),
    )
  }

  let finished = false
  const killer = (async () => {
    for (const share of options.killAt) {
      while (!finished && delivered < share * options.reports) await new Promise((resolve) => setTimeout(resolve, 20))
      if (finished) return
      await server.kill()
      // Down for a moment, as a crashed process under a supervisor would be.
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.floor(random() * 700)))
      await server.start()
    }
  })()

  const progress = setInterval(() => {
    const created = devices.reduce((sum, device) => sum + device.totals.created, 0)
    options.onProgress?.(`${((Date.now() - started) / 1000).toFixed(0)} s: ${created} created, ${delivered} delivered, ${server.counts.kills} kills, ${proxy.stats.requests} requests`)
  }, 5_000)
  try {
    await Promise.all(devices.map((device) => device.run()))
    finished = true
    await killer
    proxy.setFaults(false)
    const admin = await signInDirect(proxy.url, 'admin', 'admin123')
    const check = await verifyDelivery(devices, proxy.url, admin)
    return {
      check,
      proxy: proxy.stats,
      kills: server.counts.kills,
      starts: server.counts.starts,
      engineRestarts: devices.reduce((sum, device) => sum + device.totals.engineRestarts, 0),
      passes: devices.reduce((sum, device) => sum + device.totals.passes, 0),
      retried,
      blobUploads,
      seconds: (Date.now() - started) / 1000,
      dialect: options.databaseUrl === undefined ? 'sqlite' : 'postgres',
    }
  } finally {
    clearInterval(progress)
    finished = true
    await killer.catch(() => undefined)
    await proxy.close()
    await server.stop()
    await schema?.drop().catch(() => undefined)
    await rm(dataDir, { recursive: true, force: true })
  }
}

/** The figures as rows for console.table. */
export function chaosFigures(options: ChaosOptions, result: ChaosResult): Record<string, string | number> {
  const { check, proxy } = result
  return {
    'database': result.dialect,
    'seed': options.seed,
    'devices': options.devices,
    'reports created': options.reports,
    'refused by design (invalid)': check.rejectedAsDesigned,
    'rows at the server': check.serverRows,
    'accepted on first arrival': check.acceptedFirstTime,
    'resent after a lost reply (duplicate receipt)': check.recoveredDuplicates,
    'LOST': check.lost,
    'DUPLICATED': check.duplicated,
    'phantom rows': check.phantom,
    'digest mismatches': check.digestMismatches,
    'refused reports stored anyway': check.wronglyStored,
    'hazards expected / stored': `${check.hazardsExpected} / ${check.hazardsStored}`,
    'photo references / distinct / intact at server': `${check.photosReferenced} / ${check.distinctPhotos} / ${check.photosIntact}`,
    'blob uploads (PUT 201/200)': result.blobUploads,
    'proxy requests': proxy.requests,
    'faults: reset before forwarding': proxy.byFault.reset_request,
    'faults: 500 / 503 / 429': `${proxy.byFault.status_500} / ${proxy.byFault.status_503} / ${proxy.byFault.status_429}`,
    'faults: reply dropped after commit / cut short': `${proxy.byFault.drop_response} / ${proxy.byFault.truncate_response}`,
    'faults: delayed': proxy.byFault.delay,
    'requests hitting a dead server': proxy.upstreamDown,
    'server SIGKILLs / starts': `${result.kills} / ${result.starts}`,
    'app restarts (new engine)': result.engineRestarts,
    'sync passes / records retried': `${result.passes} / ${result.retried}`,
    'most attempts for one report': check.maxAttempts,
    'wall time (s)': Number(result.seconds.toFixed(1)),
  }
}
