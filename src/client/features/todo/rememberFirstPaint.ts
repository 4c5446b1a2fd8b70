import { shanghaiToday } from '../../../core/todoOrder.js'
import type { OutboxRecord } from '../../offline/outbox.js'
import { FIRST_PAINT_KEY, readFirstPaint, type Drawn, type FirstPaint, type FirstScreen } from './firstPaint.js'
import { undelivered, type OutboxMark } from './todoRows.js'

// The writing half of firstPaint.ts, in its own chunk: nothing here is needed to paint the first
// screen, only to remember it once IndexedDB has been read (README, Performance: the budget).

/**
 * Kept with its screen; without one, the screen already kept stays if it was drawn from the very same
 * user, items and waiting reports (IndexedDB read back what the copy held: the usual start), and goes
 * if anything differs, since it would show the old list. A full or refused localStorage only costs
 * the next start its head start.
 */
export function keepFirstPaint(paint: FirstPaint): void {
  const kept = paint.screen === undefined ? readFirstPaint() : null
  const same = kept?.screen !== undefined && JSON.stringify([kept.user.id, kept.items, kept.waiting]) === JSON.stringify([paint.user.id, paint.items, paint.waiting])
  const next = same ? { ...paint, screen: kept.screen } : paint
  try {
    globalThis.localStorage?.setItem(FIRST_PAINT_KEY, JSON.stringify(next))
  } catch {
    // Nothing is lost: IndexedDB holds the list.
  }
}

/** The screen as drawn (drawnNow(), read when it was drawn), as the next start checks it. */
export function drawnScreen(drawn: Drawn, locale: string, now: Date): FirstScreen {
  return { ...drawn, day: shanghaiToday(now), locale }
}

/** The outbox's undelivered records as marks: all the first screen needs to remember of them. */
export function waitingMarks(records: readonly OutboxRecord[]): OutboxMark[] {
  return records
    .filter(undelivered)
    .map(({ state, formId, period, subjectId }) => ({
      state,
      formId,
      ...(period === undefined ? {} : { period }),
      ...(subjectId === undefined ? {} : { subjectId }),
    }))
}
