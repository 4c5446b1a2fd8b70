import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/server/config.js'
import { createDatabase } from '../../src/server/db/database.js'
import { migrateToLatest } from '../../src/server/db/migrate.js'
import { dialects } from './harness.js'

const postgresUrl = process.env['DATABASE_URL']

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl })
  await client.connect()
  await client.query(statement).finally(() => client.end())
}

describe.each(dialects)('migrations (%s)', (dialect) => {
  it('a second schema in the same database migrates although the first already holds Kysely\'s tables, and a rerun is a no-op', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'school-report-migrate-'))
    const schemas = [`m_${randomBytes(6).toString('hex')}`, `m_${randomBytes(6).toString('hex')}`]
    const config = { ...loadConfig({ DATA_DIR: dataDir }), databaseUrl: dialect === 'postgres' ? postgresUrl : undefined }
    try {
      for (const schema of schemas) {
        if (dialect === 'postgres') await admin(`create schema ${schema}`)
        const database = createDatabase(config, dialect === 'postgres' ? { searchPath: schema } : {})
        try {
          await migrateToLatest(database.db)
          await migrateToLatest(database.db)
          expect(await database.db.selectFrom('audit_log').select('id').execute()).toEqual([])
        } finally {
          await database.destroy()
        }
      }
    } finally {
      if (dialect === 'postgres') for (const schema of schemas) await admin(`drop schema if exists ${schema} cascade`)
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
