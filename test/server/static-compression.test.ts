import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressDir } from '../../scripts/precompress.js'
import { dialects, startServer, type TestServer } from './harness.js'

const page = `<!doctype html><title>校园填报</title><div id="app"></div>${'<!-- padding -->'.repeat(40)}`
const script = `console.log(${JSON.stringify('x'.repeat(2000))})`

describe.each(dialects)('precompressed static files (%s)', (dialect) => {
  let server: TestServer
  let staticDir: string

  beforeAll(async () => {
    staticDir = await mkdtemp(join(tmpdir(), 'school-report-dist-'))
    await mkdir(join(staticDir, 'assets'))
    await writeFile(join(staticDir, 'index.html'), page)
    await writeFile(join(staticDir, 'assets', 'index-abc123.js'), script)
    await writeFile(join(staticDir, 'assets', 'tiny-abc123.js'), '1')
    await precompressDir(staticDir)
    server = await startServer(dialect, { staticDir })
  })
  afterAll(async () => {
    await server.close()
    await rm(staticDir, { recursive: true, force: true })
  })

  it('a hashed asset goes out as brotli to a client that accepts it, cached for a year and varying on the encoding', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['content-type']).toContain('javascript')
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(String(response.headers['vary'])).toMatch(/accept-encoding/i)
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script)
    expect(response.rawPayload.length).toBeLessThan(brotliCompressSync(script).length + 1)
  })

  it('gzip when brotli is not accepted, the plain file when nothing is', async () => {
    const gzipped = await server.app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    expect(gzipped.rawPayload.length).toBeLessThanOrEqual(gzipSync(script, { level: 9 }).length)
    const plain = await server.app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(script)
  })

  it('a file too small to gain from compression is sent as it is', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/assets/tiny-abc123.js', headers: { 'accept-encoding': 'br, gzip' } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.body).toBe('1')
  })

  it('the app page keeps its name across deploys, so it has no compressed copy that could go stale; never cached', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/outbox/some-id', headers: { 'accept-encoding': 'br' } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.body).toBe(page)
  })
})
