import { i18n } from '../../i18n/index.js'
import en from './i18n/en.js'
import zhCN from './i18n/zh-CN.js'
import remindersEn from './i18n/reminders.en.js'
import remindersZhCN from './i18n/reminders.zh-CN.js'

let installed = false

/** Adds the workspace's words to vue-i18n once; called as the (lazy) workspace opens. */
export function installBureauMessages(): void {
  if (installed) return
  installed = true
  i18n.global.mergeLocaleMessage('zh-CN', zhCN)
  i18n.global.mergeLocaleMessage('en', en)
  i18n.global.mergeLocaleMessage('zh-CN', remindersZhCN)
  i18n.global.mergeLocaleMessage('en', remindersEn)
}
