import { isMessageAST } from '@intlify/core-base'
import { describe, expect, it } from 'vitest'
import en from '../../../../src/client/features/bureau/i18n/en.js'
import zhCN from '../../../../src/client/features/bureau/i18n/zh-CN.js'
import { installBureauMessages } from '../../../../src/client/features/bureau/installBureauMessages.js'
import { i18n } from '../../../../src/client/i18n/index.js'

// The files arrive compiled (vitest.config.ts): a text is a message AST, a leaf of the tree.
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || isMessageAST(value)) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
}

describe('the workspace’s words', () => {
  it('Chinese and English have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('merging them keeps the app’s own bureau keys and adds the workspace’s', () => {
    installBureauMessages()
    const t = i18n.global.t
    i18n.global.locale.value = 'zh-CN'
    expect(t('bureau.nav.hazards')).toBe('隐患看板')
    expect(t('bureau.forbidden')).toBe('只有教育局和督查员可以查看')
    expect(t('bureau.surveys.reported', { done: 2, all: 5 })).toBe('已报 2/5 所')
    i18n.global.locale.value = 'en'
    expect(t('admin.users.roles.inspector')).toBe('Inspector')
    i18n.global.locale.value = 'zh-CN'
  })
})
