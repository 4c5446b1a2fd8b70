import { useI18n } from 'petite-vue-i18n'
import type { Text } from '../../core/text.js'

/** Picks the current language from a bilingual template text. */
export function useText(): { tx: (text: Text) => string } {
  const { locale } = useI18n()
  return { tx: (text) => (locale.value === 'en' ? text.en : text.zh) }
}
