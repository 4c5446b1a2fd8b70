import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDialectConfig } from 'kysely'
import pg from 'pg'
import type { Config } from '../config.js'
import type { Database } from './schema.js'

export type DialectName = 'sqlite' | 'postgres'

export type AppDatabase = {
  readonly db: Kysely<Database>
  readonly dialect: DialectName
  destroy(): Promise<void>
}

export type DatabaseOptions = {
  /** PostgreSQL only: run every connection in this schema (tests give each app its own). */
  readonly searchPath?: string
}

const STATEMENT_CACHE_SIZE = 500

/**
 * Kysely prepares every query anew; ingest runs the same few statements for each report, so
 * reuse them (bench:ingest: preparing was ~7% of ingest CPU). Statements with IN lists of
 * varying length make new SQL: the cache forgets its oldest entry past STATEMENT_CACHE_SIZE.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>()
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source)
    // A statement still iterating (a streamed export) cannot run again: that caller gets its own.
    if (cached !== undefined && !cached.busy) return cached
    const statement = prepare(source)
    if (cached === undefined) {
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '')
      cache.set(source, statement)
    }
    return statement
  }) as typeof sqlite.prepare
  return sqlite
}

/**
 * BEGIN IMMEDIATE: a transaction takes the write lock when it starts. Ingest reads before it
 * writes; a deferred transaction that has read fails with SQLITE_BUSY_SNAPSHOT when another
 * process on the same file commits meanwhile (busy_timeout cannot help), an immediate one waits.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig
  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

function openSqlite(dataDir: string): Kysely<Database> {
  mkdirSync(dataDir, { recursive: true })
  const sqlite = new BetterSqlite3(join(dataDir, 'school-report.sqlite'))
  sqlite.pragma('journal_mode = WAL')
  // synchronous=FULL: a 2xx promises the row survives power loss, so every commit is fsynced.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) })
}

/** Connections per app to PostgreSQL: as many batches can be in flight at once. */
export const POSTGRES_POOL_SIZE = 10

function openPostgres(url: string, options: DatabaseOptions): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: POSTGRES_POOL_SIZE,
    ...(options.searchPath === undefined ? {} : { options: `-c search_path=${options.searchPath}` }),
  })
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

/** The one place that builds the Kysely instance: PostgreSQL when DATABASE_URL is set, else SQLite. */
export function createDatabase(config: Pick<Config, 'dataDir' | 'databaseUrl'>, options: DatabaseOptions = {}): AppDatabase {
  const dialect: DialectName = config.databaseUrl === undefined ? 'sqlite' : 'postgres'
  const db = config.databaseUrl === undefined ? openSqlite(config.dataDir) : openPostgres(config.databaseUrl, options)
  let destroyed = false
  return {
    db,
    dialect,
    async destroy() {
      if (destroyed) return
      destroyed = true
      await db.destroy()
    },
  }
}
