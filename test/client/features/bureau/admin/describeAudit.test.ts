import { describe, expect, it } from 'vitest'
import { describeAudit, type AuditNames } from '../../../../../src/client/features/bureau/admin/describeAudit.js'
import { installBureauMessages } from '../../../../../src/client/features/bureau/installBureauMessages.js'
import { i18n } from '../../../../../src/client/i18n/index.js'

installBureauMessages()
const names = (locale: 'zh-CN' | 'en'): AuditNames => {
  i18n.global.locale.value = locale
  return {
    t: (key, params) => i18n.global.t(key, params ?? {}),
    tx: (text) => (locale === 'en' ? text.en : text.zh),
    locale,
    formTitle: (formId) => (formId === 'fire-safety' ? { zh: '消防安全自查', en: 'Fire safety self-check' } : undefined),
    districtName: (id) => (id === 'district-1' ? '示范区教育局' : undefined),
  }
}

describe('an audit entry’s details as a person reads them', () => {
  it('names an export’s table, form and file type in Chinese, not table: reports · formId: fire-safety · format: csv', () => {
    const shown = describeAudit({ table: 'reports', formId: 'fire-safety', period: '2026-T2', format: 'csv', rows: 12 }, names('zh-CN'))
    expect(shown).toBe('表格：报告明细 · 表单：消防安全自查 · 周期：2026年秋季学期 · 文件格式：CSV 文件 · 行数：12')
  })

  it('names districts, roles and versions, and labels a code it has no name for as a code', () => {
    expect(describeAudit({ formId: 'campus-security', version: 2, owner: 'district-1', retired: [1] }, names('zh-CN'))).toBe(
      '表单：编号 campus-security · 版本：第 2 版 · 归属：示范区教育局 · 停用的版本：第 1 版',
    )
    expect(describeAudit({ username: 'li', role: 'inspector', disabled: true }, names('zh-CN'))).toBe('用户名：li · 角色：督查员 · 停用：是')
  })

  it('leaves out a key or code it has no phrase for instead of showing it raw', () => {
    expect(describeAudit({ table: 'secrets', somethingNew: 'x', reason: 'wrong_password' }, names('zh-CN'))).toBe('原因：密码错误')
  })

  it('speaks English when English is chosen', () => {
    expect(describeAudit({ table: 'hazards', format: 'xlsx' }, names('en'))).toBe('Table: Hazard register · File type: Excel file')
    i18n.global.locale.value = 'zh-CN'
  })
})
