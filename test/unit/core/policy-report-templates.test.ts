import { describe, expect, it } from 'vitest'
import { allFields, checkTemplate, defaultTemplates, inspectionTemplates, networkSecurity, policyReportTemplates, studentAid, validateAnswers } from '../../../src/core/index.js'

describe('the templates the seeds name (issue 15)', () => {
  it('are all in the catalogue the seed publishes, and pass the core template check', () => {
    for (const template of [...policyReportTemplates, networkSecurity]) {
      expect(defaultTemplates, template.id).toContain(template)
      expect(checkTemplate(template), template.id).toEqual([])
    }
    expect(inspectionTemplates).toContain(networkSecurity)
    expect(policyReportTemplates.map((template) => template.title.zh)).toEqual([
      '“双减”工作落实情况', '学生健康体检与脊柱侧弯筛查', '学生资助统计（含寄宿生生活补助）', '留守儿童与困境儿童关爱', '控辍保学月报', '校方责任险投保情况', '禁毒与反邪教宣传教育', '家长满意度测评（行风评议）',
    ])
  })

  it('are periodic reports whose numbers are never negative and whose rules name their own fields', () => {
    for (const template of policyReportTemplates) {
      expect(template.kind, template.id).toBe('survey')
      expect(template.period, template.id).toBeDefined()
      const ids = new Set(allFields(template).map((field) => field.id))
      for (const field of allFields(template)) {
        if (field.type === 'integer' || field.type === 'number') expect(field.min, `${template.id}.${field.id}`).toBe(0)
      }
      for (const rule of template.rules ?? []) {
        const named = rule.kind === 'lte' ? [rule.left, rule.right] : rule.kind === 'sum' ? [...rule.parts, rule.total] : []
        for (const id of named) expect(ids.has(id), `${template.id}: ${id}`).toBe(true)
      }
    }
  })

  it('asks the boarding subsidy only of a school with boarders', () => {
    const base = { enrolled: 800, hardship: 60, aided: 55, aidAmount: 41250 }
    expect(validateAnswers(studentAid, { ...base, hasBoarders: 'no' }).filter((issue) => issue.severity === 'error')).toEqual([])
    const missing = validateAnswers(studentAid, { ...base, hasBoarders: 'yes' }).filter((issue) => issue.severity === 'error').map((issue) => issue.fieldId)
    expect(missing).toEqual(expect.arrayContaining(['boarders', 'boardingAided', 'boardingAmount']))
    const tooMany = validateAnswers(studentAid, { ...base, hasBoarders: 'yes', boarders: 100, boardingAided: 120, boardingAmount: 50000 })
    expect(tooMany.some((issue) => issue.severity === 'error')).toBe(true)
  })
})
