import { describe, expect, it } from 'vitest'
import { enrolment, fireSafety } from '../../../../src/core/forms/index.js'
import { templateToWorkbook } from '../../../../src/core/xlsform/export-template.js'
import { describeProblem, importWorkbook, type Cell, type Sheet, type Workbook } from '../../../../src/core/xlsform/index.js'

/** The exported workbook with one cell changed (1-based row, column by header). */
function edit(workbook: Workbook, sheetName: string, row: number, column: string, value: Cell): Workbook {
  return workbook.map((sheet): Sheet => {
    if (sheet.name !== sheetName) return sheet
    const at = sheet.rows[0]!.indexOf(column)
    if (at < 0) throw new Error(`no column ${column}`)
    return { name: sheet.name, rows: sheet.rows.map((cells, index) => (index === row - 1 ? cells.map((cell, c) => (c === at ? value : cell)) : cells)) }
  })
}

function rowOf(workbook: Workbook, sheetName: string, id: string): number {
  return workbook.find((sheet) => sheet.name === sheetName)!.rows.findIndex((cells) => cells[1] === id) + 1
}

function problemsOf(workbook: Workbook): string[] {
  const result = importWorkbook(workbook)
  expect(result.template).toBeUndefined()
  return result.problems.map((problem) => describeProblem(problem).zh)
}

describe('errors in our layout, by sheet, row and column', () => {
  const fire = templateToWorkbook(fireSafety)
  const exits = rowOf(fire, '题目', 'exits')

  it('names an unknown question type', () => {
    expect(problemsOf(edit(fire, '题目', exits, '类型', 'selectone'))).toEqual([`题目 表第 ${exits} 行 类型 列：未知题型 'selectone'`])
  })

  it('names a number cell that is not a number', () => {
    expect(problemsOf(edit(fire, '题目', exits, '分值', '十'))).toEqual([`题目 表第 ${exits} 行 分值 列：'十' 不是数字`])
  })

  it('names a column the type does not use', () => {
    expect(problemsOf(edit(fire, '题目', exits, '最小值', 3))).toEqual([`题目 表第 ${exits} 行 最小值 列：检查项 题不用这一列`])
  })

  it('names a required cell that is neither yes nor no', () => {
    expect(problemsOf(edit(fire, '题目', exits, '必填', '也许'))[0]).toBe(`题目 表第 ${exits} 行 必填 列：'也许' 须为 是 或 否`)
  })

  it('takes the Chinese label for English when the English cell is empty', () => {
    const field = importWorkbook(edit(fire, '题目', exits, '题目（英文）', null)).template?.sections[1]?.fields[0]
    expect(field?.label).toEqual({ zh: fireSafety.sections[1]!.fields[0]!.label.zh, en: fireSafety.sections[1]!.fields[0]!.label.zh })
  })

  it('names a missing label through the core check, at the row it came from', () => {
    const withoutLabel = edit(edit(fire, '题目', exits, '题目（英文）', null), '题目', exits, '题目', null)
    expect(problemsOf(withoutLabel)).toEqual([`题目 表第 ${exits} 行 题目 列：需要中文和英文`])
  })

  it('names a repeated question id at the second row', () => {
    const drill = rowOf(fire, '题目', 'drill')
    expect(problemsOf(edit(fire, '题目', drill, '编号', 'exits'))).toEqual([`题目 表第 ${drill} 行 编号 列：题目编号 "exits" 重复`])
  })

  it('names a bad question id', () => {
    expect(problemsOf(edit(fire, '题目', exits, '编号', '1exits'))).toEqual([`题目 表第 ${exits} 行 编号 列：题目编号须以字母开头，只含字母、数字和下划线，最长 64 个字符`])
  })

  it('names a choice list the 选项 sheet lacks', () => {
    const checkType = rowOf(fire, '题目', 'checkType')
    expect(problemsOf(edit(fire, '题目', checkType, '类型', '单选 nolist'))).toEqual([`题目 表第 ${checkType} 行 类型 列：选项 表里没有列表 'nolist'`])
  })

  it('names an option without a value', () => {
    expect(problemsOf(edit(fire, '选项', 2, '值', null))).toContain('选项 表第 2 行 值 列：缺少选项值')
  })

  it('names a question outside any group', () => {
    const end = fire[0]!.rows.findIndex((cells) => cells[0] === '结束分组') + 1
    expect(problemsOf(edit(fire, '题目', 2, '类型', '文本'))).toEqual([
      ...[2, 3, 4, 5].map((row) => `题目 表第 ${row} 行 类型 列：题目须在 开始分组 与 结束分组 之间`),
      `题目 表第 ${end} 行 类型 列：没有对应的开始分组`,
    ])
  })

  it('names a group that is never closed and one opened inside another', () => {
    const end = fire[0]!.rows.findIndex((cells) => cells[0] === '结束分组') + 1
    expect(problemsOf(edit(fire, '题目', end, '类型', '开始分组'))).toContain(`题目 表第 ${end + 1} 行 类型 列：分组 '' 还没有结束，不能嵌套分组`)
  })

  it('reads a preset hazard level in Chinese or English', () => {
    const levelOf = (word: string) => {
      const field = importWorkbook(edit(fire, '题目', exits, '隐患等级', word)).template?.sections[1]?.fields[0]
      return field?.type === 'check' ? field.hazardLevel : 'not a check'
    }
    expect([levelOf('低'), levelOf('中'), levelOf('高'), levelOf('High'), levelOf('medium'), levelOf('重大')]).toEqual(['low', 'medium', 'high', 'high', 'medium', 'high'])
  })

  it('names a hazard level it does not know', () => {
    const result = importWorkbook(edit(fire, '题目', exits, '隐患等级', '严重'))
    expect(result.template).toBeUndefined()
    expect(result.problems.map(describeProblem)).toEqual([{
      zh: `题目 表第 ${exits} 行 隐患等级 列：'严重' 须为 低、中 或 高`,
      en: `Sheet 题目, row ${exits}, column 隐患等级: '严重' must be 低 (low), 中 (medium) or 高 (high)`,
    }])
  })

  it('names a hazard level on a question that is not a check item, and on a group row', () => {
    const checkType = rowOf(fire, '题目', 'checkType')
    expect(problemsOf(edit(fire, '题目', checkType, '隐患等级', '高'))).toEqual([`题目 表第 ${checkType} 行 隐患等级 列：单选 题不用这一列`])
    const group = fire[0]!.rows.findIndex((cells) => cells[0] === '开始分组') + 1
    expect(problemsOf(edit(fire, '题目', group, '隐患等级', '高'))).toEqual([`题目 表第 ${group} 行 隐患等级 列：开始分组 不用这一列，隐患等级只属于检查项`])
  })

  it('names a condition it cannot read, and one that compares two fields', () => {
    expect(problemsOf(edit(fire, '题目', exits, '显示条件', "${checkType} = 'self"))).toEqual([`题目 表第 ${exits} 行 显示条件 列：第 16 个字符起的引号没有结束`])
    expect(problemsOf(edit(fire, '题目', exits, '显示条件', '${checkType} = ${inspector}'))[0]).toMatch(new RegExp(`^题目 表第 ${exits} 行 显示条件 列：条件只能比较一个字段和一个固定值`))
  })

  it('names a constraint it cannot translate and a calculation it cannot carry', () => {
    const enrol = templateToWorkbook(enrolment)
    const row = enrol[0]!.rows.findIndex((cells) => cells[0] === '整数') + 1
    expect(problemsOf(edit(enrol, '题目', row, '约束', '. mod 2 = 0'))[0]).toMatch(new RegExp(`^题目 表第 ${row} 行 约束 列：约束只支持`))
    expect(problemsOf(edit(edit(enrol, '题目', row, '类型', '计算'), '题目', row, '计算', 'today()'))).toContain(`题目 表第 ${row} 行 计算 列：不支持函数 today()`)
  })

  it('names an unknown kind and period in 设置', () => {
    expect(problemsOf(edit(fire, '设置', 2, '类别', '抽查'))[0]).toMatch(/^设置 表第 2 行 类别 列：未知类别 '抽查'/)
    expect(problemsOf(edit(fire, '设置', 2, '周期', '每周'))[0]).toMatch(/^设置 表第 2 行 周期 列：未知周期 '每周'/)
  })

  it('names a bad form id in 设置 through the core check', () => {
    expect(problemsOf(edit(fire, '设置', 2, '编号', 'Fire Safety'))).toEqual(['设置 表第 2 行 编号 列：表单编号须以小写字母开头，只含小写字母、数字和连字符'])
  })

  it('names a rule whose formula has the wrong shape or names no field', () => {
    const survey = templateToWorkbook(enrolment)
    expect(problemsOf(edit(survey, '规则', 2, '公式', '${a} >= ${b}'))[0]).toMatch(/^规则 表第 2 行 公式 列：公式须写成/)
    const lte = survey.find((sheet) => sheet.name === '规则')!.rows.findIndex((cells) => cells[0] === '不大于') + 1
    expect(problemsOf(edit(survey, '规则', lte, '公式', '${nobody} <= ${enrolled}'))).toEqual([`规则 表第 ${lte} 行 公式 列：引用了不存在的题目`])
    expect(problemsOf(edit(survey, '规则', lte, '公式', '${a} <= '))).toEqual([`规则 表第 ${lte} 行 公式 列：表达式不完整`])
  })

  it('says in English as well where the problem is', () => {
    const result = importWorkbook(edit(fire, '题目', exits, '类型', 'selectone'))
    expect(describeProblem(result.problems[0]!).en).toBe(`Sheet 题目, row ${exits}, column 类型: unknown question type 'selectone'`)
  })

  it('refuses a workbook that is no form', () => {
    expect(problemsOf([{ name: 'Sheet1', rows: [['a']] }])).toEqual(['Sheet1 表：找不到 题目 表或 survey 表：这不像表单模板'])
  })

  it('reads the English type ids as well as the Chinese ones', () => {
    const result = importWorkbook(edit(fire, '题目', exits, '类型', 'check'))
    expect(result.template).toEqual(fireSafety)
  })
})
