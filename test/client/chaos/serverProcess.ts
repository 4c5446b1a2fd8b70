import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'

export type ServerProcess = {
  readonly port: number
  /** SIGKILL: no shutdown hook runs, in-flight requests die with it. */
  kill(): Promise<void>
  start(): Promise<void>
  stop(): Promise<void>
  /** How often it was killed and started. */
  readonly counts: { kills: number; starts: number }
}

export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

async function waitHealthy(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${log()}`)
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`)
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`server did not become healthy: ${log()}`)
}

/**
 * The real server (src/server/main.ts) as a child process. `node --import tsx` rather than the
 * tsx CLI: the CLI forks a second process, and a SIGKILL to the wrapper would orphan the server.
 */
export async function createServerProcess(env: Readonly<Record<string, string>>): Promise<ServerProcess> {
  const port = await freePort()
  let child: ChildProcess | null = null
  let stderr = ''
  const counts = { kills: 0, starts: 0 }

  const exited = (proc: ChildProcess) =>
    proc.exitCode !== null || proc.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => proc.once('exit', () => resolve()))

  return {
    port,
    counts,
    async start() {
      stderr = ''
      const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      proc.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-4000)
      })
      child = proc
      counts.starts += 1
      await waitHealthy(port, proc, () => stderr)
    },
    async kill() {
      if (child === null) return
      const proc = child
      child = null
      proc.kill('SIGKILL')
      counts.kills += 1
      await exited(proc)
    },
    async stop() {
      if (child === null) return
      const proc = child
      child = null
      proc.kill('SIGTERM')
      await exited(proc)
    },
  }
}
