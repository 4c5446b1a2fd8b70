import type { Text } from '../text.js'

/**
 * A workbook as plain data: the server reads .xlsx into this (exceljs), core reads and writes it,
 * so the whole translation is tested without a file or a library.
 */
export type Cell = string | number | boolean | null
export type Sheet = { readonly name: string; readonly rows: readonly (readonly Cell[])[] }
export type Workbook = readonly Sheet[]

/** One thing wrong in a spreadsheet, where a person finds it: 1-based row as Excel shows it. */
export type SheetProblem = {
  readonly sheet: string
  readonly row?: number
  readonly column?: string
  readonly message: Text
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'boolean') return cell ? 'true' : 'false'
  return String(cell).trim()
}

/** "题目 表第 12 行 类型 列：未知题型 'selectone'" and its English twin. */
export function describeProblem(problem: SheetProblem): Text {
  const zhWhere = `${problem.sheet} 表${problem.row === undefined ? '' : `第 ${problem.row} 行`}${problem.column === undefined ? '' : ` ${problem.column} 列`}`
  const enWhere = `Sheet ${problem.sheet}${problem.row === undefined ? '' : `, row ${problem.row}`}${problem.column === undefined ? '' : `, column ${problem.column}`}`
  return { zh: `${zhWhere}：${problem.message.zh}`, en: `${enWhere}: ${problem.message.en}` }
}

/** A sheet's rows keyed by its header row, with the row number Excel shows. */
export type Row = { readonly number: number; get(column: string): string; has(column: string): boolean }

export function readRows(sheet: Sheet, aliases: Readonly<Record<string, readonly string[]>>): { rows: Row[]; columns: Map<string, number>; unknown: string[] } {
  const header = (sheet.rows[0] ?? []).map((cell) => cellText(cell))
  const columns = new Map<string, number>()
  const unknown: string[] = []
  header.forEach((name, index) => {
    if (name === '') return
    const key = Object.entries(aliases).find(([, names]) => names.some((alias) => alias.toLowerCase() === name.toLowerCase()))?.[0]
    if (key === undefined) unknown.push(name)
    else if (!columns.has(key)) columns.set(key, index)
  })
  const rows: Row[] = []
  sheet.rows.slice(1).forEach((cells, index) => {
    if (cells.every((cell) => cellText(cell) === '')) return
    rows.push({
      number: index + 2,
      get: (column) => {
        const at = columns.get(column)
        return at === undefined ? '' : cellText(cells[at])
      },
      has: (column) => columns.has(column),
    })
  })
  return { rows, columns, unknown }
}

export function findSheet(workbook: Workbook, names: readonly string[]): Sheet | undefined {
  return workbook.find((sheet) => names.some((name) => name.toLowerCase() === sheet.name.trim().toLowerCase()))
}
