import { useI18n } from 'petite-vue-i18n'
import type { OutboxError } from '../../offline/outbox.js'
import { hasText } from '../../i18n/index.js'
import { useText } from '../../ui/useText.js'

/** A record's error in the user's language: the server's own issue texts, else the code's words. */
export function useErrorText(): (error: OutboxError) => string {
  const { t } = useI18n()
  const { tx } = useText()
  return (error) => {
    if (error.issues && error.issues.length > 0) return error.issues.map((issue) => tx(issue.message)).join('；')
    const key = `errors.${error.code}`
    return hasText(key) ? t(key) : t('errors.unknown', { message: error.message })
  }
}
