import { i18n } from '../../../i18n/index.js'
import en from './i18n/en.js'
import zhCN from './i18n/zh-CN.js'

let installed = false

/** The builder's words travel in its own lazy chunk, merged when the builder or forms screen opens. */
export function installBuilderMessages(): void {
  if (installed) return
  installed = true
  i18n.global.mergeLocaleMessage('zh-CN', zhCN)
  i18n.global.mergeLocaleMessage('en', en)
}
