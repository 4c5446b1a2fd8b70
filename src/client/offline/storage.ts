import localforage from 'localforage'

/** One key-value store: an IndexedDB object store behind a localforage instance. */
export type Store = Pick<LocalForage, 'getItem' | 'setItem' | 'removeItem' | 'keys' | 'iterate'> & {
  /** Every value in key order, in one IndexedDB request. */
  values<T>(): Promise<T[]>
  /**
   * Read-modify-write of several keys in one IndexedDB transaction. `change` returns the new value,
   * or null to leave it; a missing key is skipped. Resolves, once committed, to what each key holds.
   */
  update<T>(keys: readonly string[], change: (value: T, key: string) => T | null): Promise<(T | null)[]>
}

/** The phone's three stores: outbox records, photo/signature bytes, and small settings. */
export type Stores = {
  /** One key per outbox record (key = record id), never one array: a write touches one row. */
  readonly records: Store
  /** Blob bytes keyed by SHA-256 hex. */
  readonly blobs: Store
  /** Device id, pulled forms/schools/hazards, their ETags. */
  readonly meta: Store
}

/** What localforage's IndexedDB driver keeps on each instance once ready (not in its typings). */
type DriverInfo = { readonly _dbInfo?: { readonly db?: IDBDatabase | null; readonly storeName: string } }

/** The driver's open connection, or an InvalidStateError to fall back on when it was closed under us. */
async function driverDatabase(forage: LocalForage): Promise<{ db: IDBDatabase; storeName: string }> {
  await forage.ready()
  const info = (forage as LocalForage & DriverInfo)._dbInfo
  if (!info?.db) throw new DOMException('no connection', 'InvalidStateError')
  return { db: info.db, storeName: info.storeName }
}

const closedUnderUs = (error: unknown): boolean => error instanceof DOMException && error.name === 'InvalidStateError'

/**
 * localforage has no getAll: it lists with a cursor, one request per record. While 1,000 reports
 * drain, the outbox screen re-reads the list a few times a second: bench:sync took 19.0 s with the
 * cursor and 11.4 s with one getAll (the build before issue 17: 8.6 s). So this one read goes
 * through the driver's own database handle, in one place; a handle closed under us (another tab
 * upgrading, the storage erased) falls back to localforage's cursor, which reconnects.
 */
async function allValues<T>(forage: LocalForage): Promise<T[]> {
  try {
    const { db, storeName } = await driverDatabase(forage)
    const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll()
    return await new Promise<T[]>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result as T[])
      request.onerror = () => reject(request.error)
    })
  } catch (error) {
    if (!closedUnderUs(error)) throw error
    const values: T[] = []
    await forage.iterate<T, void>((value) => {
      values.push(value)
    })
    return values
  }
}

/**
 * The drain changes the state of up to 50 records at a time (sending, then sent): with one
 * localforage call per key that is a read and a write transaction per record per step (11.4 s for
 * the 1,000-report drain in bench:sync, against 8.6 s for the build before issue 17). One
 * transaction per batch, through the driver's handle like allValues, brought it to 7.3 s beside
 * the old build's 8.6 s in the same sitting (README, Performance).
 */
async function updateAll<T>(forage: LocalForage, keys: readonly string[], change: (value: T, key: string) => T | null): Promise<(T | null)[]> {
  try {
    const { db, storeName } = await driverDatabase(forage)
    const tx = db.transaction(storeName, 'readwrite')
    const store = tx.objectStore(storeName)
    const results: (T | null)[] = keys.map(() => null)
    keys.forEach((key, index) => {
      const read = store.get(key)
      read.onsuccess = () => {
        const current = read.result as T | undefined
        if (current === undefined || current === null) return
        const next = change(current, key)
        results[index] = next ?? current
        if (next !== null) store.put(next, key)
      }
    })
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'))
    })
    return results
  } catch (error) {
    if (!closedUnderUs(error)) throw error
    const results: (T | null)[] = []
    for (const key of keys) {
      const current = await forage.getItem<T>(key)
      const next = current === null ? null : change(current, key)
      results.push(next === null ? current : await forage.setItem(key, next))
    }
    return results
  }
}

function openStore(namespace: string, storeName: string): Store {
  const forage = localforage.createInstance({ name: namespace, storeName, driver: localforage.INDEXEDDB })
  return {
    getItem: (key) => forage.getItem(key),
    setItem: (key, value) => forage.setItem(key, value),
    removeItem: (key) => forage.removeItem(key),
    keys: () => forage.keys(),
    iterate: (iteratee) => forage.iterate(iteratee),
    values: () => allValues(forage),
    update: (keys, change) => updateAll(forage, keys, change),
  }
}

/**
 * Opens (or creates) the stores of one IndexedDB database (database = namespace, one object store
 * per store name, values as structured clones: the layout phones already hold). Tests pass a
 * unique namespace so they never share data; reopening the same namespace is how a "reload" is
 * simulated. IndexedDB only: localforage's localStorage/WebSQL fallbacks would pretend to be
 * offline-safe and cannot hold ArrayBuffers well; a missing IndexedDB surfaces as an error instead.
 */
export function openStores(namespace = 'school-report'): Stores {
  return { records: openStore(namespace, 'records'), blobs: openStore(namespace, 'blobs'), meta: openStore(namespace, 'meta') }
}
