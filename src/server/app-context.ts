import type { Kysely } from 'kysely'
import type { BlobStore } from './blobs/blob-store.js'
import type { Config } from './config.js'
import type { DialectName } from './db/database.js'
import type { Database } from './db/schema.js'

/** What every route plugin is handed: I/O passed in, so tests can swap any of it. */
export type AppContext = {
  readonly config: Config
  readonly db: Kysely<Database>
  readonly dialect: DialectName
  readonly blobs: BlobStore
  readonly now: () => Date
}
