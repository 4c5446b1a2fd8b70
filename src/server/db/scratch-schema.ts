import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** A throwaway PostgreSQL schema (a test's or a benchmark's): made empty, dropped with all it holds. */
export type ScratchSchema = { readonly name: string; drop(): Promise<void> }

/** One statement on its own connection (create or drop a schema or database). */
export async function runStatement(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/**
 * Creates `<prefix>_<random hex>` on the server at `url`; open the app's database in it with
 * createDatabase(config, { searchPath: name }). Each run gets its own, so runs never meet.
 */
export async function createScratchSchema(url: string, prefix: string): Promise<ScratchSchema> {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`bad schema prefix ${prefix}`)
  const name = `${prefix}_${randomBytes(8).toString('hex')}`
  await runStatement(url, `create schema ${name}`)
  return { name, drop: () => runStatement(url, `drop schema if exists ${name} cascade`) }
}
