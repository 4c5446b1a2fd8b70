import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin, ResolvedConfig } from 'vite'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest)$/

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else if (COMPRESSIBLE.test(entry.name)) yield path
  }
}

/**
 * Writes `.br` and `.gz` beside each text file under `assets/` when they are smaller; returns how
 * many were written. Only content-hashed assets: a file that keeps its name (index.html, sw.js)
 * may be replaced in place, and a compressed copy left beside it would be served stale.
 */
export async function precompressDir(dir: string): Promise<number> {
  let written = 0
  for await (const path of files(join(dir, 'assets'))) {
    const bytes = await readFile(path)
    if (bytes.length < 256) continue
    const [br, gz] = await Promise.all([
      brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      gzipAsync(bytes, { level: 9 }),
    ])
    if (br.length < bytes.length) await writeFile(`${path}.br`, br).then(() => written++)
    if (gz.length < bytes.length) await writeFile(`${path}.gz`, gz).then(() => written++)
  }
  return written
}

/**
 * Brotli (quality 11) and gzip (level 9) copies of every hashed text asset, made once at build time:
 * the server sends them as they are (@fastify/static preCompressed), so no request pays for
 * compression and phones get the smallest bytes. Runs after the service worker is written.
 */
export function precompress(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const outDir = resolve(config.root, config.build.outDir)
        if (!(await stat(outDir).catch(() => null))?.isDirectory()) return
        const written = await precompressDir(outDir)
        config.logger.info(`precompress: ${written} .br/.gz files in ${outDir}`)
      },
    },
  }
}
