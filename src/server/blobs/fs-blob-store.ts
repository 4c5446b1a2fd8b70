import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { isSha256Hex } from '../../core/hashes.js'
import type { BlobStore } from './blob-store.js'

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function listDir(path: string): Promise<string[]> {
  try {
    return await readdir(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

const fanOut = /^[0-9a-f]{2}$/
const tempName = /^[0-9a-f]{64}\.[0-9a-f]{12}\.tmp$/

/** Files under `root/ab/cd/<sha>`: two levels of fan-out keep directories small. */
export function createFsBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string): string => {
    if (!isSha256Hex(sha256)) throw new Error('not a SHA-256 hex string')
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256)
  }

  return {
    async put(sha256, bytes) {
      const target = pathOf(sha256)
      const dir = dirname(target)
      await mkdir(dir, { recursive: true })
      // Temp file + fsync + rename: a reader never sees half a photo, and a crash leaves no torn file.
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
      try {
        const handle = await open(temp, 'wx')
        try {
          await handle.writeFile(bytes)
          await handle.sync()
        } finally {
          await handle.close()
        }
        await rename(temp, target)
        await fsyncPath(dir)
      } catch (error) {
        await rm(temp, { force: true })
        throw error
      }
    },

    async get(sha256) {
      try {
        return new Uint8Array(await readFile(pathOf(sha256)))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
    },

    async has(sha256) {
      try {
        return (await stat(pathOf(sha256))).isFile()
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
        throw error
      }
    },

    async remove(sha256) {
      await rm(pathOf(sha256), { force: true })
    },

    // A server killed between open and rename leaves its temp file; nothing else ever removes it.
    async removeStaleTemp(before) {
      let removed = 0
      for (const first of (await listDir(root)).filter((name) => fanOut.test(name))) {
        for (const second of (await listDir(join(root, first))).filter((name) => fanOut.test(name))) {
          const dir = join(root, first, second)
          for (const name of (await listDir(dir)).filter((entry) => tempName.test(entry))) {
            const path = join(dir, name)
            const info = await stat(path).catch(() => undefined)
            if (!info || info.mtimeMs >= before.getTime()) continue
            await rm(path, { force: true })
            removed += 1
          }
        }
      }
      return removed
    },
  }
}
