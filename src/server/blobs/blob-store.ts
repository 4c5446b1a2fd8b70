/**
 * Where blob bytes live, keyed by SHA-256 hex. Metadata (type, size, who uploaded) is in the
 * blobs table; a row there is written only after the bytes are safely stored here.
 */
export interface BlobStore {
  /** Stores the bytes durably; writing the same hash twice is harmless. */
  put(sha256: string, bytes: Uint8Array): Promise<void>
  /** The bytes, or undefined when this store has none for the hash. */
  get(sha256: string): Promise<Uint8Array | undefined>
  has(sha256: string): Promise<boolean>
  /** Removes the bytes; removing what is not there is harmless. */
  remove(sha256: string): Promise<void>
  /** Removes what interrupted writes left behind (last changed before `before`); returns how many. */
  removeStaleTemp(before: Date): Promise<number>
}
