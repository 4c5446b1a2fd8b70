import type { TemplateProblem } from '../forms/check-template.js'
import type { Text } from '../text.js'
import type { SheetProblem } from './sheets.js'

/** Where a template path came from in the workbook, so core's check speaks in rows and columns. */
export type Origins = Map<string, { readonly sheet: string; readonly row?: number }>

const columnOfProperty: Readonly<Record<string, string>> = {
  id: '编号', label: '题目', help: '说明', required: '必填', type: '类型', points: '分值', min: '最小值', max: '最大值', unit: '单位',
  maxLength: '上限', options: '类型', title: '题目', fields: '类型', version: '版本', kind: '类别', period: '周期', grading: '评级',
  hazardLevel: '隐患等级', numerator: '公式', denominator: '公式', relevant: '显示条件', constraint: '约束', calculation: '计算',
}

const messagesZh: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^needs Chinese and English$/, () => '需要中文和英文'],
  [/^is not a valid template id$/, () => '表单编号须以小写字母开头，只含小写字母、数字和连字符'],
  [/^is not a valid field id$/, () => '题目编号须以字母开头，只含字母、数字和下划线，最长 64 个字符'],
  [/^must be a whole number from (\d+) to (\d+)$/, (m) => `须为 ${m[1]} 到 ${m[2]} 的整数`],
  [/^is not a known kind$/, () => '不是已知的表单类别'],
  [/^is not month, term or year$/, () => '须为每月、每学期或每年'],
  [/^needs at least one section$/, () => '至少需要一个分组'],
  [/^is missing or repeated$/, () => '缺少或重复'],
  [/^needs at least one field$/, () => '分组里至少需要一道题'],
  [/^repeats the field id "(.*)"$/, (m) => `题目编号 "${m[1]}" 重复`],
  [/^needs at least one option$/, () => '至少需要一个选项'],
  [/^needs a value$/, () => '选项缺少值'],
  [/^repeats the value "(.*)"$/, (m) => `选项值 "${m[1]}" 重复`],
  [/^is not a number$/, () => '不是数字'],
  [/^is above max$/, () => '最小值大于最大值'],
  [/^must be a number ≥ 0$/, () => '须为不小于 0 的数'],
  [/^must be low, medium or high$/, () => '须为 低、中 或 高'],
  [/^must be a whole number > 0$/, () => '须为大于 0 的整数'],
  [/^names no field$/, () => '引用了不存在的题目'],
  [/^names no computed rate$/, () => '引用了不存在的比率'],
  [/^is not a known rule$/, () => '不是已知的规则'],
  [/^needs thresholds/, () => '评级需要等级和 0 到 100 的最低分'],
  [/^an inspection opens with/, () => '安全检查须以检查信息分组开头（检查方式：学校自查、校际互查、部门督查）'],
  [/^is not true or false$/, () => '须为是或否'],
  [/^is not a known field type$/, () => '不是已知的题型'],
]

export function translateMessage(message: string): Text {
  for (const [pattern, zh] of messagesZh) {
    const match = pattern.exec(message)
    if (match) return { zh: zh(match), en: message }
  }
  return { zh: message, en: message }
}

/**
 * core's checkTemplate names a path (`sections[1].fields[3].label`); the importer remembered
 * which row each section, field, rule and rate came from, so the person sees sheet, row, column.
 */
export function locateProblem(problem: TemplateProblem, origins: Origins, settingsSheet: string): SheetProblem {
  const message = translateMessage(problem.message)
  const parts = /^((?:sections\[\d+\](?:\.fields\[\d+\])?)|(?:rules\[\d+\])|(?:computed\[\d+\]))?\.?([A-Za-z]+)?/.exec(problem.path)
  const base = parts?.[1]
  const property = parts?.[2]
  const origin = base === undefined ? undefined : origins.get(base)
  if (origin === undefined) {
    return { sheet: settingsSheet, row: 2, ...(property && columnOfProperty[property] ? { column: columnOfProperty[property] } : {}), message }
  }
  const column = base?.startsWith('rules') ? '公式' : base?.startsWith('computed') ? (property === 'label' ? '名称' : property === 'id' ? '编号' : '公式') : property === undefined ? undefined : columnOfProperty[property]
  return { sheet: origin.sheet, ...(origin.row === undefined ? {} : { row: origin.row }), ...(column === undefined ? {} : { column }), message }
}
