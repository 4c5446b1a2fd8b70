import { checkTemplate } from '../forms/check-template.js'
import type { ComputedRate, Condition, Field, FieldType, FormKind, FormTemplate, Grading, PeriodKind, Repeat, Rule, Section, Severity } from '../forms/types.js'
import type { Text } from '../text.js'
import { ExpressionError, parseExpression, type XlsExpr } from './expression.js'
import {
  choiceColumns, GROUP_BEGIN, GROUP_END, hazardLevelAliases, hazardLevelWords, kindWords, periodWords, ruleColumns, ruleWords, settingsColumns, severityWords, SHEETS, surveyColumns,
  typeWords, wordKey, yesNo, REPEAT_BEGIN, REPEAT_END,
} from './layout.js'
import { locateProblem, type Origins } from './problems.js'
import { expressionProblem, parseCalculation, parseCondition, parseConstraint, type RepeatOf } from './translate.js'
import { findSheet, readRows, type Row, type SheetProblem, type Workbook } from './sheets.js'

export type ImportResult = {
  /** Present only when there is no problem: nothing half-read is ever published. */
  readonly template: FormTemplate | undefined
  readonly problems: readonly SheetProblem[]
  /** Things read but set aside on purpose, each named (never a silent drop). */
  readonly warnings: readonly SheetProblem[]
}

type Report = (row: number | undefined, column: string | undefined, zh: string, en: string) => void

function reporter(list: SheetProblem[], sheet: string): Report {
  return (row, column, zh, en) => list.push({ sheet, ...(row === undefined ? {} : { row }), ...(column === undefined ? {} : { column }), message: { zh, en } })
}

function bilingual(zh: string, en: string): Text {
  return { zh, en: en === '' ? zh : en }
}

function numberCell(row: Row, key: keyof typeof surveyColumns, report: Report): number | undefined {
  const text = row.get(key)
  if (text === '') return undefined
  const value = Number(text)
  if (!Number.isFinite(value)) {
    report(row.number, surveyColumns[key][0], `'${text}' 不是数字`, `'${text}' is not a number`)
    return undefined
  }
  return value
}

function hazardLevelCell(row: Row, report: Report): Severity | undefined {
  const text = row.get('hazard')
  if (text === '') return undefined
  const level = wordKey(hazardLevelWords, text) ?? wordKey(hazardLevelAliases, text)
  if (level === undefined) report(row.number, surveyColumns.hazard[0], `'${text}' 须为 低、中 或 高`, `'${text}' must be 低 (low), 中 (medium) or 高 (high)`)
  return level
}

type Options = Map<string, { value: string; label: Text }[]>

function readChoices(workbook: Workbook, problems: SheetProblem[]): Options {
  const lists: Options = new Map()
  const sheet = findSheet(workbook, [SHEETS.choices])
  if (!sheet) return lists
  const report = reporter(problems, sheet.name)
  for (const row of readRows(sheet, choiceColumns).rows) {
    const list = row.get('list')
    const value = row.get('value')
    if (list === '') { report(row.number, '列表', '缺少列表名', 'the list name is missing'); continue }
    if (value === '') { report(row.number, '值', '缺少选项值', 'the option value is missing'); continue }
    if (row.get('label') === '') report(row.number, '标签', '缺少选项标签', 'the option label is missing')
    const options = lists.get(list) ?? []
    options.push({ value, label: bilingual(row.get('label'), row.get('labelEn')) })
    lists.set(list, options)
  }
  return lists
}

/** Reads one expression cell; a broken one is reported at its row and column. */
function expressionCell<T>(row: Row, key: keyof typeof surveyColumns, report: Report, read: (source: string) => T): T | undefined {
  const source = row.get(key)
  if (source === '') return undefined
  try {
    return read(source)
  } catch (error) {
    const text = expressionProblem(error)
    report(row.number, surveyColumns[key][0], text.zh, text.en)
    return undefined
  }
}

type Context = { readonly lists: Options; readonly report: Report; readonly repeatOf: RepeatOf; readonly rules: Rule[] }

function readField(row: Row, type: FieldType, list: string | undefined, context: Context): Field {
  const { lists, report } = context
  const help = row.get('help')
  const required = row.get('required')
  const relevant = expressionCell(row, 'relevant', report, parseCondition)
  const base = {
    id: row.get('id'),
    label: bilingual(row.get('label'), row.get('labelEn')),
    ...(required === '' ? {} : { required: yesNo(required) ?? (report(row.number, '必填', `'${required}' 须为 是 或 否`, `'${required}' must be 是 (yes) or 否 (no)`), false) }),
    ...(help === '' ? {} : { help: bilingual(help, row.get('helpEn')) }),
    ...(relevant === undefined ? {} : { relevant }),
  }
  const misplaced = (key: keyof typeof surveyColumns) => {
    if (row.get(key) !== '') report(row.number, surveyColumns[key][0], `${typeWords[type]} 题不用这一列`, `a ${type} question does not use this column`)
  }
  const numbers = (keys: readonly (keyof typeof surveyColumns)[]) => (['points', 'min', 'max', 'unit', 'unitEn', 'limit', 'calculation', 'constraint'] as const).filter((key) => !keys.includes(key)).forEach(misplaced)
  if (type !== 'check') misplaced('hazard')
  switch (type) {
    case 'check': {
      numbers(['points'])
      const points = numberCell(row, 'points', report)
      const hazardLevel = hazardLevelCell(row, report)
      return { ...base, type, ...(points === undefined ? {} : { points }), ...(hazardLevel === undefined ? {} : { hazardLevel }) }
    }
    case 'integer':
    case 'number': {
      numbers(['min', 'max', 'unit', 'unitEn', 'constraint'])
      let min = numberCell(row, 'min', report)
      let max = numberCell(row, 'max', report)
      const constraint = expressionCell(row, 'constraint', report, parseConstraint)
      if (constraint) {
        if ((constraint.min !== undefined && min !== undefined) || (constraint.max !== undefined && max !== undefined)) {
          report(row.number, '约束', '约束与 最小值/最大值 列重复，请只写一处', 'the constraint repeats the min/max columns: write it once')
        }
        min = min ?? constraint.min
        max = max ?? constraint.max
        // `. <= ${total}` is the template's ≤ rule, so phone and server already check it.
        for (const right of constraint.atMost) context.rules.push({ kind: 'lte', left: base.id, right })
        for (const left of constraint.atLeast) context.rules.push({ kind: 'lte', left, right: base.id })
      }
      const unit = row.get('unit')
      return { ...base, type, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), ...(unit === '' ? {} : { unit: bilingual(unit, row.get('unitEn')) }) }
    }
    case 'calculate': {
      numbers(['unit', 'unitEn', 'calculation'])
      const expression = expressionCell(row, 'calculation', report, (source) => parseCalculation(source, context.repeatOf))
      if (row.get('calculation') === '') report(row.number, '计算', '计算 题须在 计算 列写公式', 'a calculate question needs a formula in the 计算 column')
      const unit = row.get('unit')
      return { ...base, type, expression: expression ?? 0, ...(unit === '' ? {} : { unit: bilingual(unit, row.get('unitEn')) }) }
    }
    case 'text':
    case 'photo': {
      numbers(['limit'])
      const limit = numberCell(row, 'limit', report)
      if (limit === undefined) return { ...base, type }
      return type === 'text' ? { ...base, type, maxLength: limit } : { ...base, type, max: limit }
    }
    case 'choice':
    case 'multi': {
      numbers([])
      const options = list === undefined ? undefined : lists.get(list)
      if (list === undefined) report(row.number, '类型', `${typeWords[type]} 后面须写选项列表名，如 '${typeWords[type]} yn'`, `${type} needs an option list name after it, e.g. '${typeWords[type]} yn'`)
      else if (options === undefined) report(row.number, '类型', `选项 表里没有列表 '${list}'`, `the 选项 sheet has no list '${list}'`)
      return { ...base, type, options: options ?? [] }
    }
    default:
      numbers([])
      return { ...base, type }
  }
}

type OpenSection = { id: string; title: Text; fields: Field[]; row: number; relevant: Condition | undefined; repeat: Repeat | undefined }

function openSection(row: Row, repeating: boolean, report: Report): OpenSection {
  const relevant = expressionCell(row, 'relevant', report, parseCondition)
  let repeat: Repeat | undefined
  if (repeating) {
    const min = numberCell(row, 'min', report)
    const max = numberCell(row, 'max', report)
    const unit = row.get('unit')
    repeat = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), ...(unit === '' ? {} : { label: bilingual(unit, row.get('unitEn')) }) }
  } else {
    for (const key of ['min', 'max', 'unit'] as const) {
      if (row.get(key) !== '') report(row.number, surveyColumns[key][0], `${GROUP_BEGIN} 不用这一列（重复组请用 ${REPEAT_BEGIN}）`, `a group row does not use this column (a repeat does: ${REPEAT_BEGIN})`)
    }
  }
  if (row.get('hazard') !== '') report(row.number, surveyColumns.hazard[0], `${GROUP_BEGIN} 不用这一列，隐患等级只属于检查项`, 'a group row does not use this column: a hazard level belongs to a check item')
  return { id: row.get('id'), title: bilingual(row.get('label'), row.get('labelEn')), fields: [], row: row.number, relevant, repeat }
}

function readSurvey(workbook: Workbook, lists: Options, problems: SheetProblem[], origins: Origins, usedLists: Set<string>, rules: Rule[]): Section[] {
  const sheet = findSheet(workbook, [SHEETS.survey])
  if (!sheet) {
    problems.push({ sheet: SHEETS.survey, message: { zh: '缺少 题目 表', en: 'the 题目 sheet is missing' } })
    return []
  }
  const report = reporter(problems, sheet.name)
  const { rows, unknown } = readRows(sheet, surveyColumns)
  for (const name of unknown) report(1, name, `无法识别的列 '${name}'`, `unknown column '${name}'`)
  const sections: Section[] = []
  const repeatOfField = new Map<string, string>()
  const context: Context = { lists, report, rules, repeatOf: (id) => repeatOfField.get(id) }
  let open: OpenSection | undefined
  const close = () => {
    if (!open) return
    origins.set(`sections[${sections.length}]`, { sheet: sheet.name, row: open.row })
    sections.push({
      id: open.id, title: open.title, fields: open.fields,
      ...(open.relevant === undefined ? {} : { relevant: open.relevant }), ...(open.repeat === undefined ? {} : { repeat: open.repeat }),
    })
    open = undefined
  }
  for (const row of rows) {
    const [word = '', list, ...extra] = row.get('type').split(/\s+/)
    const begins = word === GROUP_BEGIN || word === 'begin_group' || word === REPEAT_BEGIN || word === 'begin_repeat'
    if (begins) {
      if (open) report(row.number, '类型', `分组 '${open.id}' 还没有结束，不能嵌套分组`, `group '${open.id}' is still open: groups do not nest`)
      close()
      open = openSection(row, word === REPEAT_BEGIN || word === 'begin_repeat', report)
      continue
    }
    if (word === GROUP_END || word === 'end_group' || word === REPEAT_END || word === 'end_repeat') {
      const endsRepeat = word === REPEAT_END || word === 'end_repeat'
      if (!open) report(row.number, '类型', '没有对应的开始分组', 'no group is open here')
      else if (endsRepeat !== (open.repeat !== undefined)) report(row.number, '类型', `${word} 与第 ${open.row} 行的开始不配对`, `${word} does not match the row ${open.row} that opened it`)
      close()
      continue
    }
    const type = wordKey(typeWords, word)
    if (type === undefined) { report(row.number, '类型', `未知题型 '${row.get('type')}'`, `unknown question type '${row.get('type')}'`); continue }
    if (extra.length > 0 || (list !== undefined && type !== 'choice' && type !== 'multi')) report(row.number, '类型', `'${row.get('type')}' 多了内容`, `'${row.get('type')}' has extra words`)
    if (!open) { report(row.number, '类型', `题目须在 ${GROUP_BEGIN} 与 ${GROUP_END} 之间`, `a question must sit between ${GROUP_BEGIN} and ${GROUP_END} rows`); continue }
    origins.set(`sections[${sections.length}].fields[${open.fields.length}]`, { sheet: sheet.name, row: row.number })
    if (list !== undefined) usedLists.add(list)
    const field = readField(row, type, list, context)
    if (open.repeat) repeatOfField.set(field.id, open.id)
    open.fields.push(field)
  }
  if (open) report(open.row, '类型', `分组 '${open.id}' 缺少 ${open.repeat ? REPEAT_END : GROUP_END} 行`, `group '${open.id}' has no closing row`)
  close()
  return sections
}

function refsOf(expr: XlsExpr): string[] | undefined {
  if (expr.kind === 'ref') return [expr.name]
  if (expr.kind === 'arith' && expr.op === '+') {
    const left = refsOf(expr.left)
    const right = refsOf(expr.right)
    return left && right ? [...left, ...right] : undefined
  }
  return undefined
}

function readRules(workbook: Workbook, problems: SheetProblem[], origins: Origins): { rules: Rule[]; computed: ComputedRate[] } {
  const rules: Rule[] = []
  const computed: ComputedRate[] = []
  const sheet = findSheet(workbook, [SHEETS.rules])
  if (!sheet) return { rules, computed }
  const report = reporter(problems, sheet.name)
  for (const row of readRows(sheet, ruleColumns).rows) {
    const kind = wordKey(ruleWords, row.get('type'))
    if (kind === undefined) { report(row.number, '类型', `未知规则 '${row.get('type')}'（可用：${Object.values(ruleWords).join('、')}）`, `unknown rule '${row.get('type')}'`); continue }
    let expr: XlsExpr
    try {
      expr = parseExpression(row.get('formula'))
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error
      report(row.number, '公式', error.text.zh, error.text.en)
      continue
    }
    const severityText = row.get('severity')
    const severity = severityText === '' ? undefined : wordKey(severityWords, severityText)
    if (severityText !== '' && severity === undefined) report(row.number, '程度', `'${severityText}' 须为 错误 或 提醒`, `'${severityText}' must be 错误 (error) or 提醒 (warning)`)
    const shape = (zh: string, en: string) => report(row.number, '公式', `公式须写成 ${zh}`, `the formula must read ${en}`)
    if (kind === 'rate') {
      const parts = expr.kind === 'arith' && expr.op === 'div' ? refsOf(expr.left) : undefined
      const denominator = expr.kind === 'arith' && expr.right.kind === 'ref' ? expr.right.name : undefined
      if (!parts || denominator === undefined) { shape('(${a} + ${b}) div ${总数}', '(${a} + ${b}) div ${total}'); continue }
      origins.set(`computed[${computed.length}]`, { sheet: sheet.name, row: row.number })
      computed.push({ id: row.get('id'), label: bilingual(row.get('label'), row.get('labelEn')), numerator: parts, denominator })
      continue
    }
    const at = `rules[${rules.length}]`
    const withSeverity = severity === undefined ? {} : { severity }
    if (kind === 'lte') {
      if (!(expr.kind === 'compare' && expr.op === '<=' && expr.left.kind === 'ref' && expr.right.kind === 'ref')) { shape('${a} <= ${b}', '${a} <= ${b}'); continue }
      rules.push({ kind: 'lte', left: expr.left.name, right: expr.right.name, ...withSeverity })
    } else if (kind === 'sum') {
      const parts = expr.kind === 'compare' && expr.op === '=' ? refsOf(expr.left) : undefined
      if (!parts || expr.kind !== 'compare' || expr.right.kind !== 'ref') { shape('${a} + ${b} = ${合计}', '${a} + ${b} = ${total}'); continue }
      const blank = row.get('blankIsZero')
      rules.push({ kind: 'sum', parts, total: expr.right.name, ...withSeverity, ...(blank === '' ? {} : { blankIsZero: yesNo(blank) ?? false }) })
    } else {
      const maxPoints = Number(row.get('maxPoints'))
      if (expr.kind !== 'ref') { shape('${比率编号}', '${rateId}'); continue }
      if (row.get('maxPoints') === '' || !Number.isFinite(maxPoints)) { report(row.number, '最大变化', '须填写百分点数', 'needs a number of percentage points'); continue }
      if (severity === 'error') report(row.number, '程度', '变化规则只能是提醒', 'a rate change is always a warning')
      rules.push({ kind: 'rateChange', rate: expr.name, maxPoints, ...(severity === 'warning' ? { severity } : {}) })
    }
    origins.set(at, { sheet: sheet.name, row: row.number })
  }
  return { rules, computed }
}

function readGrading(text: string, report: Report): Grading | undefined {
  if (text === '') return undefined
  const thresholds = text.split(/[,，;；]/).map((part) => part.trim()).filter((part) => part !== '').map((part) => {
    const match = /^(.+?)\s*[=:：]\s*(\d+(\.\d+)?)$/.exec(part)
    if (!match) report(2, '评级', `'${part}' 须写成 等级=最低分，如 A=90`, `'${part}' must read grade=min, e.g. A=90`)
    return { grade: match?.[1] ?? '', min: Number(match?.[2] ?? 0) }
  })
  return { thresholds }
}

function readSettings(workbook: Workbook, problems: SheetProblem[]) {
  const sheet = findSheet(workbook, [SHEETS.settings])
  if (!sheet) {
    problems.push({ sheet: SHEETS.settings, message: { zh: '缺少 设置 表', en: 'the 设置 sheet is missing' } })
    return undefined
  }
  const report = reporter(problems, sheet.name)
  const row = readRows(sheet, settingsColumns).rows[0]
  if (!row) { report(2, undefined, '设置 表第 2 行须填写表单编号、版本、类别和标题', 'row 2 of 设置 must hold the id, version, kind and title'); return undefined }
  const kind = wordKey(kindWords, row.get('kind'))
  if (kind === undefined) report(row.number, '类别', `未知类别 '${row.get('kind')}'（可用：${Object.values(kindWords).join('、')}）`, `unknown kind '${row.get('kind')}'`)
  const periodText = row.get('period')
  const period = periodText === '' ? undefined : wordKey(periodWords, periodText)
  if (periodText !== '' && period === undefined) report(row.number, '周期', `未知周期 '${periodText}'（可用：${Object.values(periodWords).join('、')}）`, `unknown period '${periodText}'`)
  const version = Number(row.get('version'))
  if (!Number.isInteger(version)) report(row.number, '版本', `'${row.get('version')}' 不是整数`, `'${row.get('version')}' is not a whole number`)
  const grading = readGrading(row.get('grading'), report)
  return {
    id: row.get('id'), version, kind: kind ?? ('survey' as FormKind), title: bilingual(row.get('title'), row.get('titleEn')),
    ...(period === undefined ? {} : { period: period as PeriodKind }), ...(grading === undefined ? {} : { grading }),
  }
}

/** Reads our layout back into a template, then runs core's template check on it. */
export function workbookToTemplate(workbook: Workbook): ImportResult {
  const problems: SheetProblem[] = []
  const warnings: SheetProblem[] = []
  const origins: Origins = new Map()
  const settings = readSettings(workbook, problems)
  const lists = readChoices(workbook, problems)
  const used = new Set<string>()
  const constraintRules: Rule[] = []
  const sections = readSurvey(workbook, lists, problems, origins, used, constraintRules)
  const read = readRules(workbook, problems, origins)
  const computed = read.computed
  const rules = [...read.rules, ...constraintRules]
  for (const list of lists.keys()) {
    if (!used.has(list)) warnings.push({ sheet: SHEETS.choices, column: '列表', message: { zh: `列表 '${list}' 没有题目使用，已忽略`, en: `no question uses the list '${list}': ignored` } })
  }
  if (!settings || problems.length > 0) return { template: undefined, problems, warnings }
  const template: FormTemplate = { ...settings, sections, ...(computed.length > 0 ? { computed } : {}), ...(rules.length > 0 ? { rules } : {}) }
  const checked = checkTemplate(template).map((problem) => locateProblem(problem, origins, SHEETS.settings))
  return checked.length > 0 ? { template: undefined, problems: checked, warnings } : { template, problems, warnings }
}
