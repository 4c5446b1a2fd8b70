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

/** A table sink whose workbook can take further sheets, one after another. */
export type XlsxBook = TableSink & {
  /** Commits the current sheet and starts the next (a repeat's own sheet). */
  nextSheet(sheetName: string, columns: readonly TableColumn[]): void
}

/**
 * ExcelJS's streaming writer: each row is committed (serialised into the zip and dropped) as
 * soon as it is added. Shared strings are off, so no table of every text is kept either. Sheets
 * are written one after another, never interleaved: the zip takes one entry at a time, and an
 * open second sheet would be held in memory until the first is done.
 */
export function xlsxSink(out: Writable, sheetName: string, columns: readonly TableColumn[]): XlsxBook {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const used: string[] = []
  function open(name: string, cols: readonly TableColumn[]): ExcelJS.Worksheet {
    // A form title is the bureau's text: with [ ] : * ? / \ or over 31 characters Excel repairs the file.
    const names = sheetNames([...used, name])
    const unique = names[names.length - 1] ?? `Sheet${used.length + 1}`
    used.push(unique)
    const sheet = workbook.addWorksheet(unique, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = cols.map((column, index) => ({ header: defuseFormula(column.header), key: `c${index}`, width: column.width }))
    const header = sheet.getRow(1)
    header.font = { bold: true }
    header.commit()
    return sheet
  }
  let sheet = open(sheetName, columns)
  return {
    async addRow(cells) {
      const row = sheet.addRow(cells.map(value))
      cells.forEach((cell, index) => {
        if (cell !== null && typeof cell === 'object') row.getCell(index + 1).font = { color: { argb: 'FF0563C1' }, underline: true }
      })
      row.commit()
    },
    nextSheet(name, cols) {
      sheet.commit()
      sheet = open(name, cols)
    },
    async finish() {
      sheet.commit()
      await workbook.commit()
    },
  }
}
