import { createHash } from 'node:crypto'

/**
 * SHA-256 hex of a canonical body (core canonicalJson), the same bytes as core sha256Hex on the
 * phone: both hash the string's UTF-8. Node's hash runs synchronously; WebCrypto's digest was
 * ~10 % of ingest CPU in a profile (argument normalisation and a round trip to the thread pool).
 */
export function bodyDigest(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex')
}
