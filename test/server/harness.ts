import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { buildApp } from '../../src/server/app.js'
import { loadConfig, type Config } from '../../src/server/config.js'
import { createDatabase } from '../../src/server/db/database.js'
import { migrateToLatest } from '../../src/server/db/migrate.js'
import { createScratchSchema, type ScratchSchema } from '../../src/server/db/scratch-schema.js'
import type { Database } from '../../src/server/db/schema.js'
import { seedDemo } from '../../src/server/seed.js'

export type Dialect = 'sqlite' | 'postgres'

const postgresUrl = process.env['DATABASE_URL']

/** SQLite always; PostgreSQL too when DATABASE_URL points at a server. */
export const dialects: readonly Dialect[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite']

export type TestServer = {
  readonly app: FastifyInstance
  readonly db: Kysely<Database>
  readonly config: Config
  login(username: string, password: string): Promise<string>
  /** A second app on the same database, as a second instance behind a load balancer; closed by close(). */
  anotherInstance(): Promise<FastifyInstance>
  /** A second connection pool to the same database, as another instance's worker would hold; closed by close(). */
  anotherDatabase(): Kysely<Database>
  close(): Promise<void>
}

/**
 * The real app on a real database: a fresh SQLite file in a temp dir, or a fresh PostgreSQL
 * schema, migrated and demo-seeded. Test files run in parallel without seeing each other.
 */
export async function startServer(
  dialect: Dialect,
  overrides: Partial<Config> = {},
  deps: { readonly now?: () => Date; readonly logStream?: { write(line: string): void } } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'school-report-test-'))
  const base = loadConfig({ DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-dist'), LOG_LEVEL: 'silent', LOGIN_MAX_PER_MINUTE: '1000' })
  let config: Config = { ...base, databaseUrl: undefined, ...overrides }
  let scratch: ScratchSchema | null = null
  if (dialect === 'postgres') {
    if (!postgresUrl) throw new Error('DATABASE_URL is not set')
    scratch = await createScratchSchema(postgresUrl, 't')
    config = { ...config, databaseUrl: postgresUrl }
  }
  const inSchema = scratch === null ? {} : { searchPath: scratch.name }
  const database = createDatabase(config, inSchema)
  await migrateToLatest(database.db)
  await seedDemo(database.db)
  const app = await buildApp(config, { database, ...(deps.now ? { now: deps.now } : {}), ...(deps.logStream ? { logStream: deps.logStream } : {}) })
  await app.ready()

  const others: FastifyInstance[] = []
  const otherDatabases: Kysely<Database>[] = []

  return {
    app,
    db: database.db,
    config,
    async anotherInstance() {
      const other = await buildApp(config, { database: createDatabase(config, inSchema) })
      await other.ready()
      others.push(other)
      return other
    },
    anotherDatabase() {
      const other = createDatabase(config, inSchema).db
      otherDatabases.push(other)
      return other
    },
    async login(username, password) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })
      if (response.statusCode !== 200) throw new Error(`login as ${username} failed: ${response.statusCode} ${response.body}`)
      return (response.json() as { token: string }).token
    },
    async close() {
      for (const other of others) await other.close()
      for (const other of otherDatabases) await other.destroy()
      await app.close()
      await scratch?.drop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` }
}
