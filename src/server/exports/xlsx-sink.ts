import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { ExportCell } from '../../core/exportLayout.js'
import { defuseFormula, sheetNames } from '../../core/spreadsheetText.js'
import type { TableColumn, TableSink } from './table-sink.js'

function value(cell: ExportCell): ExcelJS.CellValue {
  if (cell === null || typeof cell === 'number') return cell
  if (typeof cell === 'string') return defuseFormula(cell)
  return { text: defuseFormula(cell.text), hyperlink: cell.link }
}

/**
 * ExcelJS's streaming writer: each row is committed (serialised into the zip and dropped) as
 * soon as it is added. Shared strings are off, so no table of every text is kept either.
 */
export function xlsxSink(out: Writable, sheetName: string, columns: readonly TableColumn[]): TableSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  // A form title is the bureau's text: with [ ] : * ? / \ or over 31 characters Excel repairs the file.
  const [name = 'Sheet1'] = sheetNames([sheetName])
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((column, index) => ({ header: defuseFormula(column.header), key: `c${index}`, width: column.width }))
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.commit()
  return {
    async addRow(cells) {
      const row = sheet.addRow(cells.map(value))
      cells.forEach((cell, index) => {
        if (cell !== null && typeof cell === 'object') row.getCell(index + 1).font = { color: { argb: 'FF0563C1' }, underline: true }
      })
      row.commit()
    },
    async finish() {
      sheet.commit()
      await workbook.commit()
    },
  }
}
