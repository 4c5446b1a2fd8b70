import ExcelJS from 'exceljs'
import type { Cell, Workbook } from '../../../core/xlsform/sheets.js'
import { checkZip, ZipRefused } from './zip-guard.js'

/** The shape limits of an uploaded form workbook: far above any real form, far below a DoS. */
export const UPLOAD_LIMITS = {
  maxBytes: 2 * 1024 * 1024,
  maxEntries: 200,
  maxInflatedBytes: 20 * 1024 * 1024,
  maxSheets: 10,
  maxRows: 2000,
  maxColumns: 60,
} as const

export type ReadRefusal = { readonly zh: string; readonly en: string }

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('richText' in value) return value.richText.map((run) => run.text).join('')
  if ('formula' in value || 'sharedFormula' in value) return cellOf((value as { result?: ExcelJS.CellValue }).result ?? null)
  if ('text' in value) return String(value.text)
  if ('error' in value) return null
  return null
}

/** An uploaded .xlsx as plain sheets of cells, or why it was refused (in both languages). */
export async function readWorkbook(bytes: Buffer): Promise<Workbook | ReadRefusal> {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    return { zh: '这不是 .xlsx 文件：请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后上传', en: 'This is not an .xlsx file: save it as an Excel workbook (.xlsx) in Excel or WPS and upload that' }
  }
  try {
    checkZip(bytes, UPLOAD_LIMITS)
  } catch (error) {
    if (error instanceof ZipRefused) return { zh: `文件结构异常或解压后过大，已拒收（${error.message}）`, en: `The file is malformed or unpacks too large: refused (${error.message})` }
    throw error
  }
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    return { zh: '无法读取这个 .xlsx 文件：请在 Excel 或 WPS 中重新保存后再上传', en: 'This .xlsx file cannot be read: save it again in Excel or WPS and upload that' }
  }
  if (workbook.worksheets.length > UPLOAD_LIMITS.maxSheets) return { zh: `工作表不能超过 ${UPLOAD_LIMITS.maxSheets} 个`, en: `at most ${UPLOAD_LIMITS.maxSheets} sheets` }
  const sheets: { name: string; rows: Cell[][] }[] = []
  for (const sheet of workbook.worksheets) {
    if (sheet.rowCount > UPLOAD_LIMITS.maxRows) return { zh: `${sheet.name} 表超过 ${UPLOAD_LIMITS.maxRows} 行`, en: `sheet ${sheet.name} has more than ${UPLOAD_LIMITS.maxRows} rows` }
    if (sheet.columnCount > UPLOAD_LIMITS.maxColumns) return { zh: `${sheet.name} 表超过 ${UPLOAD_LIMITS.maxColumns} 列`, en: `sheet ${sheet.name} has more than ${UPLOAD_LIMITS.maxColumns} columns` }
    const rows: Cell[][] = []
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r)
      const cells: Cell[] = []
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellOf(row.getCell(c).value))
      rows.push(cells)
    }
    sheets.push({ name: sheet.name, rows })
  }
  return sheets
}

export function isRefusal(value: Workbook | ReadRefusal): value is ReadRefusal {
  return !Array.isArray(value)
}
