import { hash, verify } from '@node-rs/argon2'

/**
 * argon2id (the library's default algorithm) with OWASP's first recommended setting:
 * m = 19 MiB, t = 2 passes, p = 1 lane — about 30 ms here, cheap enough for a login burst.
 */
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

let decoy: Promise<string> | undefined

export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    // Unknown user: still spend one hash so the reply time does not reveal which usernames exist.
    decoy ??= hashPassword('decoy password that matches nothing')
    await verify(await decoy, password).catch(() => false)
    return false
  }
  try {
    return await verify(storedHash, password)
  } catch {
    return false
  }
}
