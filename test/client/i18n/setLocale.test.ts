import { describe, expect, it } from 'vitest'
import { i18n, localeReady, setLocale } from '../../../src/client/i18n/index.js'

describe('choosing the language', () => {
  it('starts in Chinese and loads the English texts only when English is chosen', async () => {
    await localeReady
    const t = i18n.global.t
    expect(t('app.title')).toBe('校园填报')
    await setLocale('en')
    expect(t('app.title')).toBe('School Report')
    expect(localStorage.getItem('school-report.locale')).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    await setLocale('zh-CN')
    expect(t('app.title')).toBe('校园填报')
  })
})
