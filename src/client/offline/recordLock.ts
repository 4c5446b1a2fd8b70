import type { Store } from './storage.js'

const chains = new WeakMap<Store, Map<string, Promise<unknown>>>()

/**
 * Runs read-modify-write steps on one record one after another within this tab. Without it a
 * late autosave could read a draft, the submit could queue it, and the autosave would then
 * write the draft back over the queued record.
 */
export function withRecordLock<T>(store: Store, id: string, step: () => Promise<T>): Promise<T> {
  let perStore = chains.get(store)
  if (perStore === undefined) {
    perStore = new Map()
    chains.set(store, perStore)
  }
  const previous = perStore.get(id) ?? Promise.resolve()
  const run = previous.then(step, step)
  const tail = run.catch(() => undefined)
  perStore.set(id, tail)
  void tail.then(() => {
    if (perStore.get(id) === tail) perStore.delete(id)
  })
  return run
}
