import type { FieldType, FormKind, PeriodKind, Severity } from '../forms/types.js'

/**
 * Our spreadsheet layout: XLSForm's shape (one row per question, groups as begin/end rows,
 * option lists on their own sheet) with Chinese headers a county officer reads in Excel or WPS.
 * Each header also answers to its English name, so the English export column set reads back.
 */
export const SHEETS = { survey: '题目', choices: '选项', settings: '设置', rules: '规则' } as const

export const surveyColumns = {
  type: ['类型', 'type'],
  id: ['编号', 'name', 'id'],
  label: ['题目', 'label::中文 (zh)', 'label::Chinese (zh)', 'label::zh'],
  labelEn: ['题目（英文）', '题目(英文)', 'label::English (en)', 'label::en'],
  required: ['必填', 'required'],
  relevant: ['显示条件', 'relevant'],
  constraint: ['约束', 'constraint'],
  calculation: ['计算', 'calculation'],
  hazard: ['隐患等级', 'hazard'],
  points: ['分值', 'points'],
  min: ['最小值', 'min'],
  max: ['最大值', 'max'],
  unit: ['单位', 'unit'],
  unitEn: ['单位（英文）', '单位(英文)', 'unit::English (en)'],
  limit: ['上限', 'limit'],
  help: ['说明', 'hint::中文 (zh)', 'hint::Chinese (zh)'],
  helpEn: ['说明（英文）', '说明(英文)', 'hint::English (en)'],
} as const

export const choiceColumns = {
  list: ['列表', 'list_name', 'list name'],
  value: ['值', 'name', 'value'],
  label: ['标签', 'label::中文 (zh)', 'label::Chinese (zh)'],
  labelEn: ['标签（英文）', '标签(英文)', 'label::English (en)'],
} as const

export const settingsColumns = {
  id: ['编号', 'form_id'],
  version: ['版本', 'version'],
  kind: ['类别', 'kind'],
  title: ['标题', 'form_title'],
  titleEn: ['标题（英文）', '标题(英文)', 'form_title::English (en)'],
  period: ['周期', 'period'],
  grading: ['评级', 'grading'],
} as const

export const ruleColumns = {
  type: ['类型', 'type'],
  id: ['编号', 'id'],
  label: ['名称', 'label'],
  labelEn: ['名称（英文）', '名称(英文)', 'label::English (en)'],
  formula: ['公式', 'formula'],
  severity: ['程度', 'severity'],
  blankIsZero: ['空按零', 'blank_is_zero'],
  maxPoints: ['最大变化', 'max_points'],
} as const

/** Column headers in the order the export writes them. */
export const headerOf = <T extends Record<string, readonly string[]>>(columns: T): string[] => Object.values(columns).map((names) => names[0] as string)

export const GROUP_BEGIN = '开始分组'
export const GROUP_END = '结束分组'
export const REPEAT_BEGIN = '开始重复'
export const REPEAT_END = '结束重复'

/** The type column's words: Chinese as exported; our English ids read back too. */
export const typeWords: Readonly<Record<FieldType, string>> = {
  check: '检查项',
  integer: '整数',
  number: '小数',
  text: '文本',
  choice: '单选',
  multi: '多选',
  date: '日期',
  photo: '照片',
  signature: '签名',
  location: '位置',
  calculate: '计算',
}

export const kindWords: Readonly<Record<FormKind, string>> = {
  inspection: '安全检查',
  canteen: '食堂评分',
  survey: '统计上报',
  pledge: '责任书',
  rectification: '隐患整改',
  // Built-in read receipts (notices, campaigns): check-template refuses the kind for any other id.
  receipt: '回执',
}

export const periodWords: Readonly<Record<PeriodKind, string>> = { month: '每月', term: '每学期', year: '每年' }

export const ruleWords = { lte: '不大于', sum: '合计', rateChange: '变化', rate: '比率' } as const

export const severityWords = { error: '错误', warning: '提醒' } as const

/**
 * A check item's 隐患等级 column, written 低/中/高; the phone's own words for the levels
 * (一般/较大/重大) read back too, so a sheet filled from a hazard list is taken as it is.
 */
export const hazardLevelWords: Readonly<Record<Severity, string>> = { low: '低', medium: '中', high: '高' }
export const hazardLevelAliases: Readonly<Record<Severity, string>> = { low: '一般', medium: '较大', high: '重大' }

export const YES = '是'
export const NO = '否'

/** Reads a word of one of our vocabularies in Chinese or as its English id. */
export function wordKey<K extends string>(words: Readonly<Record<K, string>>, text: string): K | undefined {
  const lower = text.trim().toLowerCase()
  return (Object.keys(words) as K[]).find((key) => key.toLowerCase() === lower || words[key] === text.trim())
}

export function yesNo(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase()
  if (['是', 'yes', 'true', 'true()', '1', 'y'].includes(lower)) return true
  if (['否', 'no', 'false', 'false()', '0', 'n'].includes(lower)) return false
  return undefined
}
