import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { sql, type Kysely } from 'kysely'
import pg from 'pg'
import { buildApp } from '../../src/server/app.js'
import { loadConfig, type Config } from '../../src/server/config.js'
import { createDatabase } from '../../src/server/db/database.js'
import { migrateToLatest } from '../../src/server/db/migrate.js'
import type { Database } from '../../src/server/db/schema.js'
import { seedDemo } from '../../src/server/seed.js'
import type { CountyClock } from './seedCounty.js'

export type CountyTarget = { readonly dataDir: string } | { readonly databaseUrl: string; readonly schema: string }

export type CountyApp = { readonly app: FastifyInstance; readonly db: Kysely<Database>; readonly clock: CountyClock; close(): Promise<void> }

/** The demo's data dir (`npm start`'s ./data): a county must never land in it. */
export function refuseDemoDir(dataDir: string): void {
  const demo = loadConfig({}).dataDir
  if (resolve(dataDir) === demo) throw new Error(`refusing ${dataDir}: that is the demo data dir; name a scratch dir`)
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) throw new Error(`refusing ${dataDir}: it is not empty`)
}

async function createSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`bad schema name ${schema}`)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query('select 1 from information_schema.schemata where schema_name = $1', [schema])
    if (rows.length > 0) throw new Error(`refusing schema ${schema}: it exists already; name a new one`)
    await client.query(`create schema ${schema}`)
  } finally {
    await client.end()
  }
}

/**
 * The real app in this process on a fresh scratch database (demo accounts seeded: the county's
 * bureau, inspector and admin are the demo's), with a clock the seeder walks through the year.
 */
export async function openCounty(target: CountyTarget, options: { fresh: boolean; staticDir?: string }): Promise<CountyApp> {
  const base = loadConfig({ LOG_LEVEL: 'silent', LOGIN_MAX_PER_MINUTE: '100000' })
  let config: Config
  if ('dataDir' in target) {
    if (options.fresh) refuseDemoDir(target.dataDir)
    config = { ...base, dataDir: resolve(target.dataDir), staticDir: join(resolve(target.dataDir), 'no-dist'), databaseUrl: undefined }
  } else {
    if (options.fresh) await createSchema(target.databaseUrl, target.schema)
    config = { ...base, databaseUrl: target.databaseUrl }
  }
  // A built app to serve beside the API when the screens are timed in a browser.
  if (options.staticDir !== undefined) config = { ...config, staticDir: options.staticDir }
  const database = createDatabase(config, 'schema' in target ? { searchPath: target.schema } : {})
  await migrateToLatest(database.db)
  // A scratch county need not survive a power cut: without an fsync per commit, seeding 2,000
  // schools takes minutes instead of half an hour. The reads timed afterwards are the same.
  if (!('schema' in target)) await sql`pragma synchronous = normal`.execute(database.db)
  await seedDemo(database.db)
  const clock: CountyClock = { now: new Date() }
  const app = await buildApp(config, { database, now: () => clock.now })
  await app.ready()
  return { app, db: database.db, clock, close: () => app.close() }
}
