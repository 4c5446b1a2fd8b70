import { useI18n } from 'petite-vue-i18n'
import type { OutboxError } from '../../offline/outbox.js'
import { useText } from '../../ui/useText.js'

/** A record's error in the user's language: the server's own issue texts, else the code's words. */
export function useErrorText(): (error: OutboxError) => string {
  const { t, te } = useI18n()
  const { tx } = useText()
  return (error) => {
    if (error.issues && error.issues.length > 0) return error.issues.map((issue) => tx(issue.message)).join('；')
    const key = `errors.${error.code}`
    return te(key) ? t(key) : t('errors.unknown', { message: error.message })
  }
}
