import { useI18n } from 'petite-vue-i18n'
import type { OutboxError } from '../../offline/outbox.js'
import zhCN from '../../i18n/zh-CN.later.js'
import { useText } from '../../ui/useText.js'

/** A record's error in the user's language: the server's own issue texts, else the code's words. */
export function useErrorText(): (error: OutboxError) => string {
  const { t } = useI18n()
  const { tx } = useText()
  return (error) => {
    if (error.issues && error.issues.length > 0) return error.issues.map((issue) => tx(issue.message)).join('；')
    // The codes with words of their own are the keys of the Chinese errors table (Chinese is the
    // complete fallback; English has the same keys by type). Anything else, e.g. a code a newer
    // server sends, shows the server's message.
    return Object.hasOwn(zhCN.errors, error.code) ? t(`errors.${error.code}`) : t('errors.unknown', { message: error.message })
  }
}
