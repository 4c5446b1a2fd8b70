// npm run bench — every benchmark of issue 8 in turn, on one production build of the app.
import { spawnSync } from 'node:child_process'
import { buildWithAppConfig, repoRoot } from './buildWithAppConfig.js'
import { describeMachine } from './machine.js'

const BENCHES = ['bundle', 'lighthouse', 'sync', 'ingest', 'startup', 'outbox', 'upload'] as const

console.table(describeMachine())
const dist = await buildWithAppConfig(repoRoot)
const failed: string[] = []
for (const name of BENCHES) {
  console.log(`\n=== bench:${name} ===`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, BENCH_DIST: dist } })
  if (run.status !== 0) failed.push(name)
}
console.table(describeMachine())
if (failed.length > 0) {
  console.error(`benchmarks that failed: ${failed.join(', ')}`)
  process.exit(1)
}
