/**
 * One turn of the event loop, so requests waiting behind a long computation are served:
 * better-sqlite3 answers synchronously and an awaited query alone never yields to them.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
