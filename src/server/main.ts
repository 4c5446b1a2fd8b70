import { join } from 'node:path'
import { buildApp } from './app.js'
import { startBlobSweeps } from './blob-sweeps.js'
import { createFsBlobStore } from './blobs/fs-blob-store.js'
import { loadConfig } from './config.js'
import { createDatabase } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { startOutboundWorker } from './outbound-worker.js'
import { demoAccounts, hasDemoSeed, publishDefaultForms, seedDemo } from './seed.js'

async function main(): Promise<void> {
  const config = loadConfig()
  const database = createDatabase(config)
  await migrateToLatest(database.db)
  await publishDefaultForms(database.db)
  if (config.seedDemo) await seedDemo(database.db)
  const showDemo = await hasDemoSeed(database.db)

  const blobs = createFsBlobStore(join(config.dataDir, 'blobs'))
  const app = await buildApp(config, { database, blobs })
  const sweeps = startBlobSweeps(database.db, blobs, config, app.log)
  app.addHook('onClose', async () => sweeps.stop())
  if (config.outboundWorker) {
    const worker = startOutboundWorker(database.db, config, app.log)
    void worker.remind()
    app.addHook('onClose', async () => worker.stop())
  }
  await app.listen({ port: config.port, host: config.host })
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  console.log(`\n校园填报 School Report: http://${shownHost}:${config.port}  (database: ${database.dialect})`)
  if (showDemo) {
    console.log('\nDemo accounts (demo seed only):')
    console.table(demoAccounts.map(({ username, password, role, schoolId, districtId }) => ({ username, password, role, school: schoolId ?? '', district: districtId ?? '' })))
  }

  let closing = false
  const shutdown = (signal: string): void => {
    if (closing) return
    closing = true
    app.log.info(`${signal}: finishing open requests, then closing`)
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
