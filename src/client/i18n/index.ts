import { createI18n } from 'vue-i18n'
import type { Locale } from '../../core/text.js'
import { compileMessage } from './compileMessage.js'
import en from './en.js'
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
  messages: { 'zh-CN': zhCN, en },
  // The build uses vue-i18n's runtime-only code (vite.config.ts): our own small compiler turns texts into functions.
  messageCompiler: compileMessage,
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  globalThis.localStorage?.setItem(LOCALE_KEY, locale)
  document.documentElement.lang = locale
}

export function currentLocale(): Locale {
  return i18n.global.locale.value === 'en' ? 'en' : 'zh-CN'
}
