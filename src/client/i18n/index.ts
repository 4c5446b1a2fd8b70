import { resolveValue } from '@intlify/core-base'
import { createI18n } from 'petite-vue-i18n'
import type { Locale } from '../../core/text.js'
import zhCN from './zh-CN.js'

const LOCALE_KEY = 'school-report.locale'

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(LOCALE_KEY)
  if (saved === 'en' || saved === 'zh-CN') return saved
  return 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  // Chinese is built in (and the fallback); English is its own chunk, loaded when chosen.
  messages: { 'zh-CN': zhCN } as Record<Locale, typeof zhCN>,
  // Texts arrive compiled (scripts/compiledMessages.ts). petite-vue-i18n looks keys up flat by default;
  // vue-i18n's own dotted-path resolver reads our nested texts (`nav.home`), as petite's guide shows.
  messageResolver: resolveValue,
})

const loaded = new Set<Locale>(['zh-CN'])

/** Loads a locale's texts once; merged, so words a lazy screen added for it stay. Never rejects: Chinese stands in. */
async function loadMessages(locale: Locale): Promise<void> {
  if (loaded.has(locale)) return
  try {
    const { default: en } = await import('./en.js')
    i18n.global.mergeLocaleMessage('en', en)
    loaded.add(locale)
  } catch (error) {
    console.error('English texts could not be loaded', error)
  }
}

/**
 * The other screens' Chinese texts (the fallback of both languages): fetched as soon as this module
 * runs, beside the first paint rather than before it; the router waits for them before leaving the
 * sign-in and form-list screens. Never rejects: a screen would show keys, the console says why.
 */
export const laterTexts: Promise<void> = import('./zh-CN.later.js').then(
  ({ default: later }) => i18n.global.mergeLocaleMessage('zh-CN', later),
  (error: unknown) => console.error('texts of the later screens could not be loaded', error),
)

/** Resolves once the saved locale's texts are in: main.ts mounts the app after it, so nothing shows in the wrong language. */
export const localeReady: Promise<void> = loadMessages(initialLocale())

export async function setLocale(locale: Locale): Promise<void> {
  await loadMessages(locale)
  i18n.global.locale.value = locale
  globalThis.localStorage?.setItem(LOCALE_KEY, locale)
  document.documentElement.lang = locale
}

export function currentLocale(): Locale {
  return i18n.global.locale.value === 'en' ? 'en' : 'zh-CN'
}

