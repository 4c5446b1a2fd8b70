import localforage from 'localforage'

/** One key-value store: an IndexedDB object store behind a localforage instance. */
export type Store = Pick<LocalForage, 'getItem' | 'setItem' | 'removeItem' | 'keys' | 'iterate'>

/** The phone's three stores: outbox records, photo/signature bytes, and small settings. */
export type Stores = {
  /** One key per outbox record (key = record id), never one array: a write touches one row. */
  readonly records: Store
  /** Blob bytes keyed by SHA-256 hex. */
  readonly blobs: Store
  /** Device id, pulled forms/schools/hazards, their ETags. */
  readonly meta: Store
}

/**
 * Opens (or creates) the stores of one IndexedDB database (database = namespace, one object store
 * per store name, values as structured clones: the layout phones already hold). Tests pass a
 * unique namespace so they never share data; reopening the same namespace is how a "reload" is
 * simulated. IndexedDB only: localforage's localStorage/WebSQL fallbacks would pretend to be
 * offline-safe and cannot hold ArrayBuffers well; a missing IndexedDB surfaces as an error instead.
 */
export function openStores(namespace = 'school-report'): Stores {
  const open = (storeName: string): Store => localforage.createInstance({ name: namespace, storeName, driver: localforage.INDEXEDDB })
  return { records: open('records'), blobs: open('blobs'), meta: open('meta') }
}
