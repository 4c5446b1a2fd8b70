// npm run seed:county -- --schools N [--data-dir DIR] — a realistic county through the real API
// into a scratch SQLite dir, or (DATABASE_URL set) into a new PostgreSQL schema (--schema NAME).
import { parseArgs } from 'node:util'
import { openCounty } from './countyApp.js'
import { seedCounty } from './seedCounty.js'

const { values } = parseArgs({ options: { schools: { type: 'string', default: '150' }, 'data-dir': { type: 'string' }, schema: { type: 'string' }, seed: { type: 'string', default: '16' } } })
const schools = Number(values.schools)
if (!Number.isInteger(schools) || schools < 1 || schools > 10_000) throw new Error('--schools must be a whole number from 1 to 10000')
const databaseUrl = process.env['DATABASE_URL']
const target = databaseUrl
  ? { databaseUrl, schema: values.schema ?? `county_${schools}_${Date.now().toString(36)}` }
  : { dataDir: values['data-dir'] ?? `./county-${schools}` }
const county = await openCounty(target, { fresh: true })
const started = performance.now()
const summary = await seedCounty(county.app, county.clock, { schools, seed: Number(values.seed), log: (line) => console.log(line) })
await county.close()
console.log(JSON.stringify({ ...summary, target: 'dataDir' in target ? target.dataDir : `schema ${target.schema}`, seconds: Math.round((performance.now() - started) / 1000) }))
console.log('sign in as bureau / bureau123, inspector / inspector123, or a school as county1 … / county-staff-1')
