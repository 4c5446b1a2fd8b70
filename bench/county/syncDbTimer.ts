import BetterSqlite3 from 'better-sqlite3'

/**
 * The longest single synchronous better-sqlite3 call since the last reset: while one runs, the
 * server answers nothing else. Patches the Statement class every database of this process shares.
 */
export function installSyncDbTimer(): { reset(): void; longestMs(): number } {
  let longest = 0
  const probe = new BetterSqlite3(':memory:')
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>
  probe.close()
  const timed = (fn: (...args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]): unknown {
      const started = performance.now()
      try {
        return fn.apply(this, args)
      } finally {
        longest = Math.max(longest, performance.now() - started)
      }
    }
  for (const name of ['all', 'get', 'run'] as const) {
    const original = proto[name]
    if (original) proto[name] = timed(original)
  }
  const iterate = proto['iterate']
  if (iterate) {
    proto['iterate'] = function (this: unknown, ...args: unknown[]) {
      const iterator = iterate.apply(this, args) as IterableIterator<unknown>
      const next = iterator.next.bind(iterator)
      iterator.next = timed(next as (...args: unknown[]) => unknown) as typeof iterator.next
      return iterator
    }
  }
  return { reset: () => void (longest = 0), longestMs: () => longest }
}
