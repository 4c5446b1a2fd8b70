import ExcelJS from 'exceljs'
import type { Workbook } from '../../../core/xlsform/sheets.js'

/** Column widths a person can read without resizing: type, id, the two labels wide. */
const widths = [14, 18, 40, 40, 6, 28, 20, 28, 10, 8, 8, 8, 8, 10, 8, 30, 30]

/**
 * Writes a form workbook. Cells are typed strings and numbers, never formulas, so a label that
 * begins with = stays text in Excel and WPS and reads back unchanged.
 */
export async function writeWorkbook(workbook: Workbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  for (const sheet of workbook) {
    const out = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    for (const row of sheet.rows) out.addRow([...row])
    out.getRow(1).font = { bold: true }
    out.columns.forEach((column, index) => { column.width = widths[index] ?? 14 })
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}
