// The chaos delivery run at bench size: `npm run bench:chaos` (10,000 reports, 60 phones).
// CHAOS_REPORTS, CHAOS_DEVICES, CHAOS_SEED override; DATABASE_URL runs it on PostgreSQL.
import 'fake-indexeddb/auto'
import { chaosFigures, runChaos, type ChaosOptions } from '../test/client/chaos/runChaos.js'

const databaseUrl = process.env['DATABASE_URL']?.trim() || undefined
const options: ChaosOptions = {
  reports: Number(process.env['CHAOS_REPORTS'] ?? 10_000),
  devices: Number(process.env['CHAOS_DEVICES'] ?? 60),
  killAt: [0.2, 0.45, 0.7],
  seed: Number(process.env['CHAOS_SEED'] ?? Math.floor(Math.random() * 1_000_000)),
  photoPool: 500,
  onProgress: (line) => console.error(line),
  ...(databaseUrl === undefined ? {} : { databaseUrl }),
}

const result = await runChaos(options)
console.log(`\nchaos delivery bench (${result.dialect}, seed ${options.seed})`)
console.table(chaosFigures(options, result))
const { check } = result
const ok = check.lost === 0 && check.duplicated === 0 && check.phantom === 0 && check.digestMismatches === 0 && check.wronglyStored === 0 && check.photosIntact === check.distinctPhotos
if (!ok) console.error(check.problems.join('\n'))
process.exit(ok ? 0 : 1)
