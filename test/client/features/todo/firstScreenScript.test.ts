import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FIRST_PAINT_KEY } from '../../../../src/client/features/todo/firstPaint.js'
import { takeEarlyTap } from '../../../../src/client/ui/earlyTap.js'
import { shanghaiToday } from '../../../../src/core/todoOrder.js'

// The script as the built page runs it (scripts/firstScreenScript.ts only minifies it).
const SCRIPT = readFileSync(join(process.cwd(), 'src/client/first-screen.js'), 'utf8')
const ENTRY = '/assets/index-abc.js'
const DRAWN = '<main><div class="van-cell todo-item" data-kind="pledge" data-link="/pledges/p%401/sign">责任书</div></main>'

function page(): void {
  document.head.innerHTML = `<script type="text/plain" data-app-entry src="${ENTRY}"></script><link rel="app-modulepreload" crossorigin href="/assets/vendor.js">`
  document.body.innerHTML = '<div id="app"></div>'
}

function remember(screen: Partial<{ day: string; build: string | null; locale: string }> = {}): void {
  const drawn = { html: DRAWN, day: shanghaiToday(new Date()), build: ENTRY, locale: 'zh-CN', ...screen }
  localStorage.setItem(FIRST_PAINT_KEY, JSON.stringify({ user: { id: 'u1', role: 'staff' }, items: [], waiting: [], screen: drawn }))
}

function run(): void {
  new Function(SCRIPT)()
}

const started = (): string[] => [...document.head.querySelectorAll('script[type="module"]')].map((script) => script.getAttribute('src') ?? '')

describe('first-screen.js: the 待办 painted before the app runs', () => {
  beforeEach(() => {
    localStorage.clear()
    page()
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] })
  })
  afterEach(() => {
    vi.useRealTimers()
    localStorage.clear()
  })

  it('puts back the screen drawn today by this build, and starts the app only after the frame that shows it', () => {
    remember()
    run()
    expect(document.getElementById('app')?.innerHTML).toBe(DRAWN)
    expect(started()).toEqual([])
    expect(document.head.querySelector('link[rel="app-modulepreload"]')).not.toBeNull()
    vi.advanceTimersToNextFrame()
    vi.runOnlyPendingTimers()
    expect(started()).toEqual([ENTRY])
    expect(document.head.querySelector('link[rel="modulepreload"]')?.getAttribute('href')).toBe('/assets/vendor.js')
  })

  it('paints nothing from another day, another build or another language, and starts the app at once', () => {
    for (const stale of [{ day: '2020-01-01' }, { build: '/assets/index-old.js' }, { locale: 'en' }]) {
      page()
      remember(stale)
      run()
      expect(document.getElementById('app')?.innerHTML).toBe('')
      expect(started()).toEqual([ENTRY])
    }
  })

  it('keeps a tap on a row made before the app ran, and hands it over once', () => {
    remember()
    run()
    document.querySelector<HTMLElement>('[data-link]')?.click()
    expect(takeEarlyTap()).toBe('/pledges/p%401/sign')
    expect(takeEarlyTap()).toBeNull()
    // Once the app is live, Vue answers taps itself: none is kept twice.
    document.querySelector<HTMLElement>('[data-link]')?.click()
    expect(takeEarlyTap()).toBeNull()
  })
})
