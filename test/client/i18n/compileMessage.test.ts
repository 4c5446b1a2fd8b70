import { describe, expect, it } from 'vitest'
import { createI18n } from 'petite-vue-i18n'
import { compileMessage } from '../../../src/client/i18n/compileMessage.js'
import en from '../../../src/client/i18n/en.js'
import zhCN from '../../../src/client/i18n/zh-CN.js'

function translator(messages: Record<string, string>) {
  return createI18n({ legacy: false, locale: 'en', messages: { en: messages }, messageCompiler: compileMessage }).global.t
}

function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key))
}

describe('the small message compiler that replaces vue-i18n\'s full one in the build', () => {
  it('fills named placeholders, with or without spaces inside the braces', () => {
    const t = translator({ items: '{n} items, saved at { time }' })
    expect(t('items', { n: 12, time: '09:30' })).toBe('12 items, saved at 09:30')
  })

  it('fills list placeholders and leaves text without placeholders as it is', () => {
    const t = translator({ pair: '{0} / {1}', plain: 'Sign in 登录 (100%)' })
    expect(t('pair', ['a', 'b'])).toBe('a / b')
    expect(t('plain')).toBe('Sign in 登录 (100%)')
  })

  it('picks plural forms split by a pipe, like vue-i18n', () => {
    const t = translator({ photos: 'no photos | one photo | {n} photos' })
    expect(t('photos', 0)).toBe('no photos')
    expect(t('photos', 1)).toBe('one photo')
    expect(t('photos', 5)).toBe('5 photos')
  })

  it('renders a missing value as empty text rather than the placeholder', () => {
    const t = translator({ hello: 'Hello {name}!' })
    expect(t('hello')).toBe('Hello !')
  })

  it('understands every text of both locales: only {name} placeholders, no linked or literal syntax', () => {
    for (const [key, text] of [...leaves(zhCN), ...leaves(en)]) {
      expect(text, key).not.toMatch(/@[:.]|\{'|\{\s*[^}\w\s]/)
    }
  })
})
