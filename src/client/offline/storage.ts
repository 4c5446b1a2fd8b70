import { createStore, openDatabase, type Store } from './idbStore.js'

/** One key-value store (an IndexedDB object store). */
export type { Store }

/** The phone's three stores: outbox records, photo/signature bytes, and small settings. */
export type Stores = {
  /** One key per outbox record (key = record id), never one array: a write touches one row. */
  readonly records: Store
  /** Blob bytes keyed by SHA-256 hex. */
  readonly blobs: Store
  /** Device id, pulled forms/schools/hazards, their ETags. */
  readonly meta: Store
}

const STORE_NAMES = ['records', 'blobs', 'meta'] as const

/**
 * Opens (or creates) the stores of one IndexedDB database. Tests pass a unique namespace so
 * they never share data; reopening the same namespace is how a "reload" is simulated.
 * IndexedDB only: a localStorage fallback would pretend to be offline-safe and cannot hold
 * ArrayBuffers well; a missing IndexedDB surfaces as an error instead.
 */
export function openStores(namespace = 'school-report'): Stores {
  const database = openDatabase(namespace, STORE_NAMES)
  return { records: createStore(database, 'records'), blobs: createStore(database, 'blobs'), meta: createStore(database, 'meta') }
}
