import { checkTemplate } from '../forms/check-template.js'
import type { Field, FormKind, FormTemplate, PeriodKind, Section } from '../forms/types.js'
import type { Text } from '../text.js'
import { ExpressionError, parseExpression } from './expression.js'
import type { ImportResult } from './import-layout.js'
import { kindWords, periodWords, wordKey, yesNo } from './layout.js'
import { locateProblem, type Origins } from './problems.js'
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
const meaningful = ['relevant', 'constraint', 'calculation', 'choice_filter', 'repeat_count', 'default', 'read_only', 'parameters'] as const

type Open = { id: string; title: Text; fields: Field[]; row: number | undefined; named: boolean }

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
      sections.push({ id: open.id, title: open.title, fields: open.fields })
    } else if (open?.named) problem(problems, surveySheet.name, open.row, 'type', `分组 '${open.id}' 里没有题目`, `group '${open.id}' holds no question`)
    open = undefined
  }
  let loose = 0
  for (const row of table.rows) {
    const refuse = (column: string, zh: string, en: string) => problem(problems, surveySheet.name, row.number, column, zh, en)
    const typeText = (row.cells.get('type') ?? '').replace(/\s+/g, ' ')
    const name = row.cells.get('name') ?? ''
    const [word = '', ...rest] = typeText.toLowerCase().replace(/^(begin|end) (group|repeat)$/, '$1_$2').replace(/^select (one|multiple)\b/, 'select_$1').split(' ')
    if (word === 'begin_group') {
      if (open?.named) {
        refuse('type', `分组 '${open.id}' 内不能再嵌套分组`, `groups do not nest (inside '${open.id}')`)
        // Already refused: an outer group left empty by the nesting needs no second message.
        if (open.fields.length === 0) open = undefined
      }
      close()
      open = { id: name, title: textOf(table.header, row.cells, 'label') ?? { zh: name, en: name }, fields: [], row: row.number, named: true }
      for (const column of meaningful) if ((row.cells.get(column) ?? '') !== '') refuse(column, `分组的 ${column} 此版本尚不支持`, `${column} on a group is not supported yet`)
      continue
    }
    if (word === 'end_group') {
      if (!open?.named) refuse('type', '没有对应的 begin_group', 'no group is open here')
      close()
      continue
    }
    if (word === 'begin_repeat' || word === 'end_repeat') { refuse('type', '此版本尚不支持重复组（begin_repeat）', 'repeats (begin_repeat) are not supported yet'); continue }
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
    if (type === 'photo' && /signature/i.test(row.cells.get('appearance') ?? '')) type = 'signature'
    if (type === undefined) {
      refuse('type', `不支持的题型 '${typeText}'`, `question type '${typeText}' is not supported`)
      continue
    }
    for (const column of meaningful) {
      const text = row.cells.get(column) ?? ''
      if (text === '') continue
      if (column === 'relevant' || column === 'constraint' || column === 'calculation') {
        try {
          parseExpression(text)
        } catch (error) {
          if (!(error instanceof ExpressionError)) throw error
          refuse(column, error.text.zh, error.text.en)
          continue
        }
      }
      refuse(column, `${column} 此版本尚不支持`, `${column} is not supported yet`)
    }
    const requiredText = row.cells.get('required') ?? ''
    const required = requiredText === '' ? undefined : yesNo(requiredText)
    if (requiredText !== '' && required === undefined) refuse('required', `required 只支持 yes/no，不支持条件 '${requiredText}'`, `required takes yes or no, not the expression '${requiredText}'`)
    if (!label) refuse('label', '缺少题目文字', 'the label is missing')
    if (!open) {
      loose++
      open = { id: loose === 1 ? 'main' : `main${loose}`, title: title.zh === '' ? { zh: '基本信息', en: 'Questions' } : title, fields: [], row: undefined, named: false }
    }
    const field = {
      id: name, label: label ?? { zh: name, en: name },
      ...(required === true ? { required } : {}), ...(hint ? { help: hint } : {}),
    }
    origins.set(`sections[${sections.length}].fields[${open.fields.length}]`, { sheet: surveySheet.name, row: row.number })
    if (type === 'choice' || type === 'multi') open.fields.push({ ...field, type, options: options ?? [] })
    else if (type === 'photo') open.fields.push({ ...field, type, max: 1 })
    else open.fields.push({ ...field, type } as Field)
  }
  if (open?.named) problem(problems, surveySheet.name, open.row, 'type', `分组 '${open.id}' 缺少 end_group`, `group '${open.id}' has no end_group`)
  close()
  if (problems.length > 0) return { template: undefined, problems, warnings }
  const template: FormTemplate = { id, version, kind, title, ...(period === undefined ? {} : { period }), sections }
  const checked = checkTemplate(template).map((found) => locateProblem(found, origins, settingsSheet?.name ?? 'settings'))
  return checked.length > 0 ? { template: undefined, problems: checked, warnings } : { template, problems, warnings }
}
