import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runStatement } from '../src/server/db/scratch-schema.js'
import { repoRoot } from './buildWithAppConfig.js'

export type BenchServer = {
  readonly url: string
  readonly dataDir: string
  close(): Promise<void>
}

export type BenchServerOptions = {
  readonly port: number
  /** PostgreSQL database URL; unset: a fresh SQLite file in a temp data dir. */
  readonly databaseUrl?: string
  /** A built dist/ to serve; unset: API only. */
  readonly staticDir?: string
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bench server exited (${child.exitCode}):\n${output()}`)
    try {
      const response = await fetch(`${url}/api/v1/health`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`bench server did not answer on ${url} within 60 s:\n${output()}`)
}

/**
 * Our real server (src/server/main.ts) in its own process on 127.0.0.1, demo-seeded on a fresh
 * data dir, so the load generator and the server each get a core of this 2-core machine.
 */
export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: '1',
    LOG_LEVEL: 'warn',
    LOGIN_MAX_PER_MINUTE: '100000',
    STATIC_DIR: options.staticDir ?? join(dataDir, 'no-dist'),
  }
  delete env['DATABASE_URL']
  if (options.databaseUrl) env['DATABASE_URL'] = options.databaseUrl
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = `http://127.0.0.1:${options.port}`
  await waitForHealth(url, child, () => output)
  return {
    url,
    dataDir,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** A throwaway PostgreSQL database for one bench run, so nothing meets the test suites' schemas. */
export async function createScratchDatabase(adminUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = (statement: string): Promise<void> => runStatement(adminUrl, statement)
  await admin(`drop database if exists ${name}`)
  await admin(`create database ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) }
}

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!response.ok) throw new Error(`login as ${username}: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}
