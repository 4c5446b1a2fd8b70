// `npm start` builds the PWA only when dist/ is missing or older than the sources.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newestMtime(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs)
}

const built = 'dist/index.html'
const inputs = ['src/client', 'src/core', 'src/sw.ts', 'index.html', 'vite.config.ts', 'public', 'package.json']
const stale = !existsSync(built) || inputs.some((input) => existsSync(input) && newestMtime(input) > statSync(built).mtimeMs)
if (stale) {
  console.log('Building the app (vite build)…')
  const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
