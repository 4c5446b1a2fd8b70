// @vitest-environment node
// Exactly-once under faults: the real sync engine on many simulated phones, a fault-injecting
// proxy, and the real server in a child process that is SIGKILLed twice mid-run.
import { describe, expect, it } from 'vitest'
import { chaosFigures, runChaos, type ChaosOptions } from './runChaos.js'

const postgresUrl = process.env['DATABASE_URL']
const reports = Number(process.env['CHAOS_REPORTS'] ?? 2000)
// The PostgreSQL lane (when DATABASE_URL is set) runs after the SQLite one, as many reports by default.
const postgresReports = Number(process.env['CHAOS_PG_REPORTS'] ?? reports)
const seed = Number(process.env['CHAOS_SEED'] ?? Math.floor(Math.random() * 1_000_000))
const lanes = [
  { name: 'sqlite', url: undefined, reports },
  ...(postgresUrl ? [{ name: 'postgres', url: postgresUrl, reports: postgresReports }] : []),
]

describe.each(lanes)('delivery under chaos ($name)', ({ url, reports }) => {
  it(
    `${reports} reports with photos from 24 phones through dropped requests, lost replies, 5xx/429, resets and two server kills: 0 lost, 0 duplicated, every receipt matches`,
    async () => {
      const options: ChaosOptions = { reports, devices: 24, killAt: [0.3, 0.65], seed, onProgress: (line) => process.env['CHAOS_PROGRESS'] && console.error(line), ...(url === undefined ? {} : { databaseUrl: url }) }
      const result = await runChaos(options)
      console.log(`\nchaos delivery (${result.dialect}, seed ${seed}; replay with CHAOS_SEED=${seed})`)
      console.table(chaosFigures(options, result))
      expect(result.check.problems).toEqual([])
      expect(result.check.lost).toBe(0)
      expect(result.check.duplicated).toBe(0)
      expect(result.check.phantom).toBe(0)
      expect(result.check.digestMismatches).toBe(0)
      expect(result.check.wronglyStored).toBe(0)
      expect(result.check.serverRows + result.check.rejectedAsDesigned).toBe(reports)
      expect(result.check.hazardsStored).toBe(result.check.hazardsExpected)
      expect(result.check.photosIntact).toBe(result.check.distinctPhotos)
      expect(result.kills).toBeGreaterThanOrEqual(2)
      // The faults really happened: replies were lost after commit and resends came back duplicate.
      expect(result.proxy.committedButLost).toBeGreaterThan(0)
      expect(result.check.recoveredDuplicates).toBeGreaterThan(0)
      expect(result.proxy.upstreamDown).toBeGreaterThan(0)
    },
    600_000,
  )
})
