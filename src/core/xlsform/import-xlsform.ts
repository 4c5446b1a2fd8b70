import { checkTemplate } from '../forms/check-template.js'
import type { Condition, Field, FormKind, FormTemplate, PeriodKind, Repeat, Rule, Section } from '../forms/types.js'
import type { Text } from '../text.js'
import type { ImportResult } from './import-layout.js'
import { kindWords, periodWords, wordKey, yesNo } from './layout.js'
import { locateProblem, type Origins } from './problems.js'
import { expressionProblem, parseCalculation, parseCondition, parseConstraint, type RepeatOf } from './translate.js'
import { cellText, findSheet, type Sheet, type SheetProblem, type Workbook } from './sheets.js'

/**
 * Standard XLSForm as ODK and KoboToolbox people write it (sheets survey / choices / settings),
 * translated construct by construct into our template. What we cannot carry is refused by row
 * and column — an import never drops a question silently. Metadata rows (start, end, deviceid…)
 * are set aside with a warning: the app records who and when itself.
 */
type Table = { header: string[]; rows: { number: number; cells: Map<string, string> }[] }

function readTable(sheet: Sheet): Table {
  const header = (sheet.rows[0] ?? []).map((cell) => cellText(cell))
  const rows: Table['rows'] = []
  sheet.rows.slice(1).forEach((cells, index) => {
    const map = new Map<string, string>()
    header.forEach((name, at) => { if (name !== '') map.set(name.toLowerCase(), cellText(cells[at])) })
    if ([...map.values()].some((value) => value !== '')) rows.push({ number: index + 2, cells: map })
  })
  return { header, rows }
}

const zhColumn = /::\s*(中文|chinese|zh)|\(zh(-cn|-hans)?\)/i
const enColumn = /::\s*(english|en)\b|\(en\)/i

/** The Chinese and English of a translatable column (label, hint, constraint_message). */
function textOf(header: readonly string[], cells: Map<string, string>, column: string): Text | undefined {
  const variants = header.filter((name) => name.toLowerCase() === column || name.toLowerCase().startsWith(`${column}::`))
  const pick = (test: RegExp) => variants.filter((name) => test.test(name)).map((name) => cells.get(name.toLowerCase()) ?? '').find((text) => text !== '')
  const plain = cells.get(column) ?? ''
  const other = variants.map((name) => cells.get(name.toLowerCase()) ?? '').find((text) => text !== '') ?? ''
  const zh = pick(zhColumn) ?? (plain || other)
  const en = pick(enColumn) ?? (plain || other)
  return zh === '' && en === '' ? undefined : { zh: zh || en, en: en || zh }
}

const metadata = new Set(['start', 'end', 'today', 'deviceid', 'imei', 'username', 'email', 'phonenumber', 'simserial', 'subscriberid', 'audit', 'start-geopoint', 'uri:email', 'uri:username'])
const simple: Readonly<Record<string, Field['type']>> = { integer: 'integer', int: 'integer', decimal: 'number', text: 'text', string: 'text', date: 'date', geopoint: 'location', location: 'location', image: 'photo', photo: 'photo' }
/** Columns we read; anything else set is named as ignored. */
const known = /^(type|name|label|hint|required|required_message|relevant|constraint|constraint_message|calculation|choice_filter|appearance|guidance_hint|media::.*|image|parameters|default|read_only|repeat_count)(::.*)?$/i
/** Columns whose content changes what a question means: refused, not ignored, when set. */

type Open = { id: string; title: Text; fields: Field[]; row: number | undefined; named: boolean; relevant: Condition | undefined; repeat: Repeat | undefined }

export function xlsformToTemplate(workbook: Workbook): ImportResult {
  const problems: SheetProblem[] = []
  const warnings: SheetProblem[] = []
  const origins: Origins = new Map()
  const problem = (list: SheetProblem[], sheet: string, row: number | undefined, column: string | undefined, zh: string, en: string) =>
    list.push({ sheet, ...(row === undefined ? {} : { row }), ...(column === undefined ? {} : { column }), message: { zh, en } })

  const surveySheet = findSheet(workbook, ['survey'])
  const choicesSheet = findSheet(workbook, ['choices'])
  const settingsSheet = findSheet(workbook, ['settings'])
  if (!surveySheet) return { template: undefined, problems: [{ sheet: 'survey', message: { zh: '缺少 survey 表', en: 'the survey sheet is missing' } }], warnings }

  const lists = new Map<string, { value: string; label: Text }[]>()
  if (choicesSheet) {
    const table = readTable(choicesSheet)
    for (const row of table.rows) {
      const list = row.cells.get('list_name') ?? row.cells.get('list name') ?? ''
      const value = row.cells.get('name') ?? row.cells.get('value') ?? ''
      if (list === '' || value === '') { problem(problems, choicesSheet.name, row.number, list === '' ? 'list_name' : 'name', '缺少列表名或选项值', 'the list name or the option name is missing'); continue }
      const label = textOf(table.header, row.cells, 'label')
      if (!label) problem(problems, choicesSheet.name, row.number, 'label', '缺少选项标签', 'the option label is missing')
      lists.set(list, [...(lists.get(list) ?? []), { value, label: label ?? { zh: value, en: value } }])
    }
  }

  let title: Text = { zh: '', en: '' }
  let id = ''
  let version = 1
  let kind: FormKind = 'survey'
  let period: PeriodKind | undefined
  if (!settingsSheet) problem(problems, 'settings', undefined, undefined, '缺少 settings 表（须填写 form_id 和 form_title）', 'the settings sheet is missing (it needs form_id and form_title)')
  else {
    const table = readTable(settingsSheet)
    const row = table.rows[0]
    id = row?.cells.get('form_id') ?? ''
    title = (row && textOf(table.header, row.cells, 'form_title')) ?? { zh: '', en: '' }
    const versionText = row?.cells.get('version') ?? ''
    if (versionText !== '') {
      if (/^\d{1,9}$/.test(versionText)) version = Number(versionText)
      else problem(warnings, settingsSheet.name, 2, 'version', `版本 '${versionText}' 不是小整数，按第 1 版读入（发布时服务器按顺序编号）`, `version '${versionText}' is not a small whole number: read as 1 (the server numbers versions on publish)`)
    }
    const kindText = row?.cells.get('kind') ?? ''
    if (kindText !== '') kind = wordKey(kindWords, kindText) ?? (problem(problems, settingsSheet.name, 2, 'kind', `未知类别 '${kindText}'`, `unknown kind '${kindText}'`), kind)
    const periodText = row?.cells.get('period') ?? ''
    if (periodText !== '') period = wordKey(periodWords, periodText) ?? (problem(problems, settingsSheet.name, 2, 'period', `未知周期 '${periodText}'`, `unknown period '${periodText}'`), undefined)
    if (id === '') problem(problems, settingsSheet.name, 2, 'form_id', '须填写 form_id', 'form_id is required')
  }

  const table = readTable(surveySheet)
  for (const name of table.header) {
    if (name !== '' && !known.test(name)) problem(warnings, surveySheet.name, 1, name, `不认识的列 '${name}'，已忽略`, `unknown column '${name}': ignored`)
  }
  const sections: Section[] = []
  let open: Open | undefined
  const close = () => {
    if (open && open.fields.length > 0) {
      origins.set(`sections[${sections.length}]`, { sheet: surveySheet.name, ...(open.row === undefined ? {} : { row: open.row }) })
      sections.push({
        id: open.id, title: open.title, fields: open.fields,
        ...(open.relevant === undefined ? {} : { relevant: open.relevant }), ...(open.repeat === undefined ? {} : { repeat: open.repeat }),
      })
    } else if (open?.named) problem(problems, surveySheet.name, open.row, 'type', `分组 '${open.id}' 里没有题目`, `group '${open.id}' holds no question`)
    open = undefined
  }
  let loose = 0
  const rules: Rule[] = []
  const repeatOfField = new Map<string, string>()
  const repeatOf: RepeatOf = (fieldId) => repeatOfField.get(fieldId)
  for (const row of table.rows) {
    const refuse = (column: string, zh: string, en: string) => problem(problems, surveySheet.name, row.number, column, zh, en)
    /** An expression cell read through `read`; undefined (and refused) when it does not translate. */
    const expression = <T>(column: string, read: (source: string) => T): T | undefined => {
      const source = row.cells.get(column) ?? ''
      if (source === '') return undefined
      try {
        return read(source)
      } catch (error) {
        const text = expressionProblem(error)
        refuse(column, text.zh, text.en)
        return undefined
      }
    }
    const typeText = (row.cells.get('type') ?? '').replace(/\s+/g, ' ')
    const name = row.cells.get('name') ?? ''
    const [word = '', ...rest] = typeText.toLowerCase().replace(/^(begin|end) (group|repeat)$/, '$1_$2').replace(/^select (one|multiple)\b/, 'select_$1').split(' ')
    for (const column of ['constraint_message', 'required_message', 'default', 'read_only', 'parameters', 'choice_filter'] as const) {
      const text = row.cells.get(column) ?? ''
      if (text === '') continue
      if (column === 'constraint_message' || column === 'required_message') problem(warnings, surveySheet.name, row.number, column, `${column} 已略过：应用用自己的中英文提示`, `${column} skipped: the app words its own messages in both languages`)
      else refuse(column, `${column} 此版本不支持`, `${column} is not supported`)
    }
    if (word === 'begin_group' || word === 'begin_repeat') {
      if (open?.named) {
        refuse('type', `分组 '${open.id}' 内不能再嵌套分组`, `groups do not nest (inside '${open.id}')`)
        // Already refused: an outer group left empty by the nesting needs no second message.
        if (open.fields.length === 0) open = undefined
      }
      close()
      const relevant = expression('relevant', parseCondition)
      let repeat: Repeat | undefined
      if (word === 'begin_repeat') {
        const count = row.cells.get('repeat_count') ?? ''
        if (count !== '' && !/^\d+$/.test(count)) refuse('repeat_count', `repeat_count 只支持固定次数，不支持 '${count}'`, `repeat_count takes a fixed number, not '${count}'`)
        repeat = count === '' || !/^\d+$/.test(count) ? {} : { min: Number(count), max: Number(count) }
      }
      open = { id: name, title: textOf(table.header, row.cells, 'label') ?? { zh: name, en: name }, fields: [], row: row.number, named: true, relevant, repeat }
      continue
    }
    if (word === 'end_group' || word === 'end_repeat') {
      if (!open?.named) refuse('type', `没有对应的 ${word.replace('end', 'begin')}`, `no ${word.replace('end', 'begin')} is open here`)
      else if ((word === 'end_repeat') !== (open.repeat !== undefined)) refuse('type', `${word} 与第 ${open.row ?? '?'} 行的开始不配对`, `${word} does not match the row that opened it`)
      close()
      continue
    }
    if (metadata.has(word)) { problem(warnings, surveySheet.name, row.number, 'type', `元数据 '${word}' 已略过：应用自己记录填报人和时间`, `metadata '${word}' skipped: the app records who and when itself`); continue }
    const label = textOf(table.header, row.cells, 'label')
    const hint = textOf(table.header, row.cells, 'hint')
    let type: Field['type'] | undefined = simple[word]
    let options: { value: string; label: Text }[] | undefined
    if (word === 'select_one' || word === 'select_multiple') {
      type = word === 'select_one' ? 'choice' : 'multi'
      const [list, extra] = rest
      if (extra === 'or_other') refuse('type', 'or_other 此版本不支持：请在选项里加一个“其他”并另设文本题', 'or_other is not supported: add an 其他 option and a text question')
      options = list === undefined ? undefined : lists.get(list)
      if (options === undefined) refuse('type', `choices 表里没有列表 '${list ?? ''}'`, `the choices sheet has no list '${list ?? ''}'`)
    }
    if (word === 'calculate') type = 'calculate'
    if (type === 'photo' && /signature/i.test(row.cells.get('appearance') ?? '')) type = 'signature'
    if (type === undefined) {
      refuse('type', `不支持的题型 '${typeText}'`, `question type '${typeText}' is not supported`)
      continue
    }
    const relevant = expression('relevant', parseCondition)
    const calculation = type === 'calculate' ? expression('calculation', (source) => parseCalculation(source, repeatOf)) : undefined
    if (type === 'calculate' && (row.cells.get('calculation') ?? '') === '') refuse('calculation', 'calculate 须填写 calculation', 'a calculate row needs a calculation')
    if (type !== 'calculate' && (row.cells.get('calculation') ?? '') !== '') refuse('calculation', '只有 calculate 行使用 calculation（默认值不支持）', 'only calculate rows use calculation (defaults are not supported)')
    const constraint = expression('constraint', parseConstraint)
    if (constraint && type !== 'integer' && type !== 'number') refuse('constraint', '约束只用于 integer 和 decimal 题', 'a constraint applies to integer and decimal questions only')
    const requiredText = row.cells.get('required') ?? ''
    const required = requiredText === '' ? undefined : yesNo(requiredText)
    if (requiredText !== '' && required === undefined) refuse('required', `required 只支持 yes/no，不支持条件 '${requiredText}'`, `required takes yes or no, not the expression '${requiredText}'`)
    if (!label && type !== 'calculate') refuse('label', '缺少题目文字', 'the label is missing')
    if (!open) {
      loose++
      open = { id: loose === 1 ? 'main' : `main${loose}`, title: title.zh === '' ? { zh: '基本信息', en: 'Questions' } : title, fields: [], row: undefined, named: false, relevant: undefined, repeat: undefined }
    }
    const field = {
      id: name, label: label ?? { zh: name, en: name },
      ...(required === true ? { required } : {}), ...(hint ? { help: hint } : {}), ...(relevant === undefined ? {} : { relevant }),
    }
    origins.set(`sections[${sections.length}].fields[${open.fields.length}]`, { sheet: surveySheet.name, row: row.number })
    if (open.repeat) repeatOfField.set(name, open.id)
    if (type === 'choice' || type === 'multi') open.fields.push({ ...field, type, options: options ?? [] })
    else if (type === 'photo') open.fields.push({ ...field, type, max: 1 })
    else if (type === 'calculate') open.fields.push({ ...field, type, expression: calculation ?? 0 })
    else if (type === 'integer' || type === 'number') {
      open.fields.push({ ...field, type, ...(constraint?.min === undefined ? {} : { min: constraint.min }), ...(constraint?.max === undefined ? {} : { max: constraint.max }) })
      for (const right of constraint?.atMost ?? []) rules.push({ kind: 'lte', left: name, right })
      for (const left of constraint?.atLeast ?? []) rules.push({ kind: 'lte', left, right: name })
    } else open.fields.push({ ...field, type } as Field)
  }
  if (open?.named) problem(problems, surveySheet.name, open.row, 'type', `分组 '${open.id}' 缺少 end_group`, `group '${open.id}' has no end_group`)
  close()
  if (problems.length > 0) return { template: undefined, problems, warnings }
  const template: FormTemplate = { id, version, kind, title, ...(period === undefined ? {} : { period }), sections, ...(rules.length > 0 ? { rules } : {}) }
  const checked = checkTemplate(template).map((found) => locateProblem(found, origins, settingsSheet?.name ?? 'settings'))
  return checked.length > 0 ? { template: undefined, problems: checked, warnings } : { template, problems, warnings }
}
