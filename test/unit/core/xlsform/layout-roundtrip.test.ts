import { describe, expect, it } from 'vitest'
import { defaultTemplates } from '../../../../src/core/forms/index.js'
import { templateToWorkbook } from '../../../../src/core/xlsform/export-template.js'
import { workbookToTemplate } from '../../../../src/core/xlsform/import-layout.js'

describe('our sheet layout', () => {
  it.each(defaultTemplates.map((template) => [`${template.id}@${template.version}`, template] as const))('gives %s back unchanged after export and import', (_name, template) => {
    const result = workbookToTemplate(templateToWorkbook(template))
    expect(result.problems).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.template).toEqual(template)
  })

  it('writes Chinese headers on the 题目, 选项 and 设置 sheets', () => {
    const workbook = templateToWorkbook(defaultTemplates[0]!)
    expect(workbook.map((sheet) => sheet.name).slice(0, 3)).toEqual(['题目', '选项', '设置'])
    expect(workbook[0]!.rows[0]!.slice(0, 9)).toEqual(['类型', '编号', '题目', '题目（英文）', '必填', '显示条件', '约束', '计算', '隐患等级'])
  })
})
