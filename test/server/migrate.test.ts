import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/server/config.js'
import { createDatabase } from '../../src/server/db/database.js'
import { migrateToLatest } from '../../src/server/db/migrate.js'
import { createScratchSchema, type ScratchSchema } from '../../src/server/db/scratch-schema.js'
import { dialects } from './harness.js'

const postgresUrl = process.env['DATABASE_URL']

describe.each(dialects)('migrations (%s)', (dialect) => {
  it('a second schema in the same database migrates although the first already holds Kysely\'s tables, and a rerun is a no-op', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'school-report-migrate-'))
    const schemas: ScratchSchema[] = []
    const config = { ...loadConfig({ DATA_DIR: dataDir }), databaseUrl: dialect === 'postgres' ? postgresUrl : undefined }
    try {
      for (let round = 0; round < 2; round++) {
        const schema = dialect === 'postgres' && postgresUrl ? await createScratchSchema(postgresUrl, 'm') : null
        if (schema) schemas.push(schema)
        const database = createDatabase(config, schema ? { searchPath: schema.name } : {})
        try {
          await migrateToLatest(database.db)
          await migrateToLatest(database.db)
          expect(await database.db.selectFrom('audit_log').select('id').execute()).toEqual([])
        } finally {
          await database.destroy()
        }
      }
    } finally {
      for (const schema of schemas) await schema.drop()
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
