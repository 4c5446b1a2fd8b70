import { v7 as uuidv7 } from 'uuid'
import type { Store, Stores } from './storage.js'

const KEY = 'deviceId'
const pending = new WeakMap<Store, Promise<string>>()

/**
 * A stable id for this install, made once and kept in meta. It travels with each submission so
 * the bureau can tell phones apart. Concurrent first calls share one promise, so one id wins.
 */
export function getDeviceId(stores: Stores): Promise<string> {
  const known = pending.get(stores.meta)
  if (known !== undefined) return known
  const made = (async () => {
    const stored = await stores.meta.getItem<string>(KEY)
    if (stored !== null) return stored
    const id = uuidv7()
    await stores.meta.setItem(KEY, id)
    return id
  })()
  pending.set(stores.meta, made)
  // A failed read must not be cached forever.
  made.catch(() => pending.delete(stores.meta))
  return made
}
