import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
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
  }
}
