import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import type { BlobStore } from './blobs/blob-store.js'
import type { Config } from './config.js'
import type { Database } from './db/schema.js'
import { sweepBlobs } from './services/sweep-blobs.js'

export type BlobSweeps = { stop(): void }

/**
 * Sweeps unreferenced blobs and stale temp files now and then every interval. Several instances
 * may sweep the same store: each deletion re-checks its condition, so they only repeat work.
 */
export function startBlobSweeps(
  db: Kysely<Database>,
  blobs: BlobStore,
  config: Pick<Config, 'blobGraceDays' | 'blobSweepIntervalMinutes'>,
  log: FastifyBaseLogger,
  now: () => Date = () => new Date(),
): BlobSweeps {
  let running: Promise<void> | undefined
  const sweep = (): void => {
    // One at a time: a slow sweep is not overtaken by the next tick.
    if (running) return
    running = sweepBlobs(db, blobs, { now: now(), graceDays: config.blobGraceDays })
      .then(
        (result) => log.info(result, 'blob sweep'),
        (error: unknown) => log.error({ err: error }, 'blob sweep failed'),
      )
      .finally(() => (running = undefined))
  }
  sweep()
  const timer = setInterval(sweep, config.blobSweepIntervalMinutes * 60 * 1000)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
