import { describe, expect, it } from 'vitest'
import { resolveMessagePath } from '../../../src/client/i18n/resolveMessagePath.js'
import zhCN from '../../../src/client/i18n/zh-CN.js'

describe('looking a text up by its dotted key', () => {
  it('walks nested texts to the one named', () => {
    expect(resolveMessagePath(zhCN, 'nav.home')).toBe(zhCN.nav.home)
  })

  it('answers null for a key that is missing, cut short or too long', () => {
    expect(resolveMessagePath(zhCN, 'nav.nowhere')).toBeNull()
    expect(resolveMessagePath(zhCN, 'nav.home.deeper')).toBeNull()
    expect(resolveMessagePath({}, 'nav')).toBeNull()
  })

  it('never reaches into the object prototype', () => {
    expect(resolveMessagePath(zhCN, 'constructor')).toBeNull()
    expect(resolveMessagePath(zhCN, 'nav.__proto__')).toBeNull()
  })
})
