import { describe, expect, it } from 'vitest'
import { defaultTemplates, fireSafety } from '../../../../src/core/forms/index.js'
import type { FormTemplate } from '../../../../src/core/forms/types.js'
import { templateToWorkbook } from '../../../../src/core/xlsform/export-template.js'
import { workbookToTemplate } from '../../../../src/core/xlsform/import-layout.js'
import { busForm } from '../forms/engineFixtures.js'

describe('our sheet layout', () => {
  it.each(defaultTemplates.map((template) => [`${template.id}@${template.version}`, template] as const))('gives %s back unchanged after export and import', (_name, template) => {
    const result = workbookToTemplate(templateToWorkbook(template))
    expect(result.problems).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.template).toEqual(template)
  })

  it('gives a form with conditions, repeats and calculations back unchanged', () => {
    const result = workbookToTemplate(templateToWorkbook(busForm))
    expect(result.problems).toEqual([])
    expect(result.template).toEqual(busForm)
  })

  it('gives preset hazard levels back unchanged and writes them as 低, 中, 高', () => {
    const levels = ['low', 'medium', 'high'] as const
    const leveled: FormTemplate = {
      ...fireSafety,
      sections: fireSafety.sections.map((section) => ({
        ...section,
        fields: section.fields.map((field, index) => (field.type === 'check' ? { ...field, hazardLevel: levels[index % 3]! } : field)),
      })),
    }
    const workbook = templateToWorkbook(leveled)
    const result = workbookToTemplate(workbook)
    expect(result.problems).toEqual([])
    expect(result.template).toEqual(leveled)
    const header = workbook[0]!.rows[0]!
    const words = workbook[0]!.rows.filter((cells) => cells[0] === '检查项').map((cells) => cells[header.indexOf('隐患等级')])
    expect(new Set(words)).toEqual(new Set(['低', '中', '高']))
  })

  it('writes conditions and calculations in XLSForm syntax, repeats as 开始重复 rows', () => {
    const rows = templateToWorkbook(busForm)[0]!.rows
    const at = (id: string) => rows.find((cells) => cells[1] === id)!
    expect(at('buses').slice(0, 2)).toEqual(['开始重复', 'buses'])
    expect(at('buses').slice(10, 14)).toEqual([1, 5, '校车', 'Bus'])
    expect(at('dorm')[5]).toBe("${boarders} = 'yes'")
    expect(at('beltNote')[5]).toBe("selected(${belts}, 'fail')")
    expect(at('bigFleet')[5]).toBe('count(${buses}) >= 3')
    expect(at('perSeat')[7]).toBe('round(${pupils} div ${seats}, 2)')
    expect(at('seatTotal')[7]).toBe('sum(${seats})')
    expect(at('days')[7]).toBe('decimal-date-time(${checked}) - decimal-date-time(${opened})')
  })

  it('writes Chinese headers on the 题目, 选项 and 设置 sheets', () => {
    const workbook = templateToWorkbook(defaultTemplates[0]!)
    expect(workbook.map((sheet) => sheet.name).slice(0, 3)).toEqual(['题目', '选项', '设置'])
    expect(workbook[0]!.rows[0]!.slice(0, 9)).toEqual(['类型', '编号', '题目', '题目（英文）', '必填', '显示条件', '约束', '计算', '隐患等级'])
  })
})
