import type { Store } from './storage.js'

const chains = new WeakMap<Store, Map<string, Promise<unknown>>>()

/**
 * Runs read-modify-write steps on one record one after another within this tab. Without it a
 * late autosave could read a draft, the submit could queue it, and the autosave would then
 * write the draft back over the queued record.
 */
export function withRecordLock<T>(store: Store, id: string, step: () => Promise<T>): Promise<T> {
  return withRecordLocks(store, [id], step)
}

/** The same for a step that changes several records at once: it waits for each one's earlier steps. */
export function withRecordLocks<T>(store: Store, ids: readonly string[], step: () => Promise<T>): Promise<T> {
  let perStore = chains.get(store)
  if (perStore === undefined) {
    perStore = new Map()
    chains.set(store, perStore)
  }
  const chain = perStore
  const previous = Promise.all(ids.map((id) => chain.get(id) ?? Promise.resolve()))
  const run = previous.then(step, step)
  const tail = run.catch(() => undefined)
  for (const id of ids) chain.set(id, tail)
  void tail.then(() => {
    for (const id of ids) if (chain.get(id) === tail) chain.delete(id)
  })
  return run
}
