/** A user-visible string in both UI languages; Simplified Chinese first. */
export type Text = { readonly zh: string; readonly en: string }

export type Locale = 'zh-CN' | 'en'

export function pickText(text: Text, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh
}
