import type { SyncEngine } from './syncEngine.js'

export type SyncTriggerTargets = {
  readonly window: Pick<Window, 'addEventListener' | 'removeEventListener' | 'setTimeout' | 'clearTimeout'>
  readonly document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>
  /** Longest gap between passes while the app is open (pulls fresh forms too); default 5 min. */
  readonly intervalMs?: number
  readonly now?: () => number
  /** A pass that threw (IndexedDB failure, a bug); default console.error. */
  readonly onError?: (error: unknown) => void
}

/** Never re-run sooner than this after a pass: a record due "now" must not spin the CPU. */
const MIN_DELAY_MS = 1_000
const DEFAULT_INTERVAL_MS = 5 * 60_000

/**
 * Wires the automatic triggers: app start, `online`, the page becoming visible, and a timer set
 * to the earliest waiting record (engine.nextWakeAt). Returns a function that removes them all.
 * Submit and the "sync now" button call engine.syncNow themselves.
 */
export function installSyncTriggers(engine: SyncEngine, targets: SyncTriggerTargets): () => void {
  const { window: win, document: doc } = targets
  const intervalMs = targets.intervalMs ?? DEFAULT_INTERVAL_MS
  const now = targets.now ?? Date.now
  const onError = targets.onError ?? ((error: unknown) => console.error('outbox sync failed', error))
  let timer: ReturnType<Window['setTimeout']> | null = null
  let disposed = false

  function schedule(): void {
    if (disposed) return
    if (timer !== null) win.clearTimeout(timer)
    const wake = engine.nextWakeAt()
    const delay = wake === null ? intervalMs : Math.min(intervalMs, Math.max(MIN_DELAY_MS, wake - now()))
    timer = win.setTimeout(() => {
      timer = null
      run('timer')
    }, delay)
  }

  function run(reason: string): void {
    if (disposed) return
    engine.syncNow(reason).then(schedule, (error: unknown) => {
      onError(error)
      schedule()
    })
  }

  const onOnline = (): void => run('online')
  const onVisibility = (): void => {
    if (doc.visibilityState === 'visible') run('visible')
  }
  win.addEventListener('online', onOnline)
  doc.addEventListener('visibilitychange', onVisibility)
  // A pass run by someone else (submit, the button) may change when the next record is due.
  const unsubscribe = engine.subscribe((state) => {
    if (state.kind !== 'syncing') schedule()
  })
  run('start')

  return () => {
    disposed = true
    if (timer !== null) win.clearTimeout(timer)
    win.removeEventListener('online', onOnline)
    doc.removeEventListener('visibilitychange', onVisibility)
    unsubscribe()
  }
}
