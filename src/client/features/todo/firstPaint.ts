import type { User } from '../../../core/protocol.js'
import type { TodoItem } from '../../../core/todo.js'
import type { OutboxMark } from './todoRows.js'

/**
 * The 待办 as the phone last showed it, kept in localStorage so the next start paints it in the
 * same task as the app's script, before IndexedDB has opened: on a slow phone the session, the
 * list and the outbox read from IndexedDB cost more than half a second (README, Performance).
 * It holds no token, only what the screen showed: who, the items, and which of them wait in the
 * outbox. IndexedDB stays the truth: the session read from it confirms the user (or the app
 * forgets this copy and signs in again), and the list read from it replaces these items.
 * Written only from what was read from IndexedDB; removed at sign-out.
 */
export const FIRST_PAINT_KEY = 'school-report.first-paint'

export type FirstPaint = {
  readonly user: User
  readonly items: readonly TodoItem[]
  /** The outbox's undelivered reports as the list last saw them: "待上传" instead of owed until the outbox is read. */
  readonly waiting: readonly OutboxMark[]
  /** The 待办 screen as drawn from exactly these items; absent when they changed while it was not drawn. */
  readonly screen?: FirstScreen
}

/**
 * The drawn screen, which public/first-screen.js puts back before any module has run (as WeChat's
 * own 初始渲染缓存 does for mini programs): only on the same Shanghai day (every "逾期 N 天" on it
 * is still true), by the same build of the app and in the same language. Vue's mount replaces it.
 */
export type FirstScreen = {
  /** #app's markup, as the browser serialised what Vue rendered (text escaped). */
  readonly html: string
  /** Shanghai date it was drawn on, YYYY-MM-DD. */
  readonly day: string
  /** The app's entry module in the built index.html (data-app-entry): another build may draw differently. */
  readonly build: string | null
  readonly locale: string
}

function isFirstPaint(value: unknown): value is FirstPaint {
  const paint = value as Partial<Record<keyof FirstPaint, unknown>> | null
  return typeof (paint?.user as Partial<User> | undefined)?.id === 'string' && Array.isArray(paint?.items) && Array.isArray(paint?.waiting)
}

/** The remembered first screen, or null when there is none or it cannot be read (then IndexedDB alone paints). */
export function readFirstPaint(): FirstPaint | null {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(FIRST_PAINT_KEY) ?? 'null')
    return isFirstPaint(parsed) ? parsed : null
  } catch {
    return null
  }
}

export function forgetFirstPaint(): void {
  try {
    globalThis.localStorage?.removeItem(FIRST_PAINT_KEY)
  } catch {
    // A blocked localStorage has nothing to forget.
  }
}

/** #app's markup and the build that drew it: read as it is drawn, since the screen may change before it is kept. */
export type Drawn = Pick<FirstScreen, 'html' | 'build'>

export function drawnNow(): Drawn | undefined {
  const app = globalThis.document?.getElementById('app')
  if (!app) return undefined
  return { html: app.innerHTML, build: document.querySelector('script[data-app-entry]')?.getAttribute('src') ?? null }
}
