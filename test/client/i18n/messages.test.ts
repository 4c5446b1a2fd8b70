import { isMessageAST } from '@intlify/core-base'
import { describe, expect, it } from 'vitest'
import bureauEn from '../../../src/client/features/bureau/i18n/en.js'
import bureauZh from '../../../src/client/features/bureau/i18n/zh-CN.js'
import { installBureauMessages } from '../../../src/client/features/bureau/installBureauMessages.js'
import en from '../../../src/client/i18n/en.js'
import { i18n, setLocale } from '../../../src/client/i18n/index.js'
import zhCN from '../../../src/client/i18n/zh-CN.js'
import zhCNLater from '../../../src/client/i18n/zh-CN.later.js'
import syntax from './fixtures/syntax.js'

/** Every text's dotted key: the files arrive compiled, so a leaf is a message AST, not a string. */
function keys(value: unknown, path = ''): string[] {
  if (isMessageAST(value) || typeof value === 'string') return [path]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) => keys(child, path ? `${path}.${key}` : key))
}

/** Named values for any placeholder a text has: each renders as ‹name›. */
const anyName = new Proxy({} as Record<string, string>, {
  get: (_, name) => `‹${String(name)}›`,
  ownKeys: () => ['any'],
  getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
})

describe('texts compiled at build time', () => {
  it('arrive as message ASTs: no compiler of ours or vue-i18n’s runs on the phone', () => {
    expect(isMessageAST((zhCN as unknown as { nav: { home: unknown } }).nav.home)).toBe(true)
  })

  it('every text of both locales, the workspace’s included, renders with its placeholders filled', async () => {
    // Read before the workspace's merge, which adds its texts into the app's own objects.
    const chinese = [...new Set([...keys(zhCN), ...keys(zhCNLater)])]
    expect(keys(en).sort()).toEqual([...chinese].sort())
    expect(keys(bureauEn).sort()).toEqual(keys(bureauZh).sort())
    const all = [...new Set([...chinese, ...keys(bureauZh)])]
    expect(all.length).toBeGreaterThan(300)
    installBureauMessages()
    for (const locale of ['zh-CN', 'en'] as const) {
      await setLocale(locale)
      for (const key of all) {
        const text = i18n.global.t(key, anyName)
        expect(text, `${locale} ${key}`).not.toBe(key)
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]|‹(undefined|)›/)
        expect(text.length, `${locale} ${key}`).toBeGreaterThan(0)
      }
    }
    expect(i18n.global.t('forms.items', { n: 12 })).toBe('12 items')
    await setLocale('zh-CN')
    expect(i18n.global.t('forms.items', { n: 12 })).toBe('12 项')
  })

  it('render plurals, linked and literal texts and list placeholders the way vue-i18n defines them', () => {
    i18n.global.mergeLocaleMessage('zh-CN', { syntax })
    const t = i18n.global.t
    expect(t('syntax.photos', 0)).toBe('no photos')
    expect(t('syntax.photos', 1)).toBe('one photo')
    expect(t('syntax.photos', 5)).toBe('5 photos')
    expect(t('syntax.linked', { name: 'Li' })).toBe('Hello Li')
    expect(t('syntax.literal')).toBe('{braces}')
    expect(t('syntax.list', ['a', 'b'])).toBe('a / b')
  })
})
