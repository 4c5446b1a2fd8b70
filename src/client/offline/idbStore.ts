/**
 * One key-value object store of an IndexedDB database: the few calls the offline layer needs, in
 * localforage's shape and on localforage's layout (database = namespace, one object store per
 * store name, out-of-line string keys, values stored as structured clones), so data written by
 * earlier versions of the app stays readable. localforage itself cost ~8 KB gzip on the first
 * screen and had no getAll, so listing a long outbox walked a cursor record by record.
 */
export interface Store {
  getItem<T>(key: string): Promise<T | null>
  setItem<T>(key: string, value: T): Promise<T>
  removeItem(key: string): Promise<void>
  keys(): Promise<string[]>
  /** Visits values in key order; a callback that returns anything but undefined stops the walk. */
  iterate<T, U>(iteratee: (value: T, key: string, iterationNumber: number) => U): Promise<U>
  /** Every value in key order, in one request. */
  values<T>(): Promise<T[]>
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'))
  })
}

function open(name: string, storeNames: readonly string[], version?: number): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available'))
  const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version)
  request.onupgradeneeded = () => {
    for (const storeName of storeNames) {
      if (!request.result.objectStoreNames.contains(storeName)) request.result.createObjectStore(storeName)
    }
  }
  return done(request)
}

/** One connection per database, opened on first use; a missing store (older layout) is added by an upgrade. */
export function openDatabase(name: string, storeNames: readonly string[]): () => Promise<IDBDatabase> {
  let connection: Promise<IDBDatabase> | null = null
  const connect = async (): Promise<IDBDatabase> => {
    let db = await open(name, storeNames)
    if (storeNames.some((storeName) => !db.objectStoreNames.contains(storeName))) {
      const next = db.version + 1
      db.close()
      db = await open(name, storeNames, next)
    }
    // Another tab (or the service worker) upgrades: let it, and reconnect on the next call.
    db.onversionchange = () => {
      db.close()
      connection = null
    }
    db.onclose = () => {
      connection = null
    }
    return db
  }
  return () => {
    connection ??= connect().catch((error: unknown) => {
      connection = null
      throw error
    })
    return connection
  }
}

export function createStore(database: () => Promise<IDBDatabase>, storeName: string): Store {
  /** Reads resolve with their request; writes only once the transaction has committed. */
  async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const tx = (await database()).transaction(storeName, mode)
    const request = done(work(tx.objectStore(storeName)))
    if (mode === 'readonly') return request
    const [result] = await Promise.all([request, committed(tx)])
    return result
  }
  return {
    async getItem<T>(key: string) {
      const value = (await run('readonly', (store) => store.get(key))) as T | undefined
      return value === undefined ? null : value
    },
    async setItem<T>(key: string, value: T) {
      const stored = (value === undefined ? null : value) as T
      await run('readwrite', (store) => store.put(stored, key))
      return stored
    },
    async removeItem(key: string) {
      await run('readwrite', (store) => store.delete(key))
    },
    async keys() {
      return (await run('readonly', (store) => store.getAllKeys())).map(String)
    },
    async values<T>() {
      return (await run('readonly', (store) => store.getAll())) as T[]
    },
    async iterate<T, U>(iteratee: (value: T, key: string, iterationNumber: number) => U) {
      const tx = (await database()).transaction(storeName, 'readonly')
      const request = tx.objectStore(storeName).openCursor()
      let result: U = undefined as U
      let count = 0
      await new Promise<void>((resolve, reject) => {
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const cursor = request.result
          if (cursor === null) return resolve()
          const returned = iteratee(cursor.value as T, String(cursor.key), ++count)
          if (returned !== undefined) {
            result = returned
            return resolve()
          }
          cursor.continue()
        }
      })
      return result
    },
  }
}
