import type { Writable } from 'node:stream'
import type { ExportCell } from '../../core/exportLayout.js'
import { defuseFormula } from '../../core/spreadsheetText.js'
import type { TableColumn, TableSink } from './table-sink.js'

// Excel reads a CSV as the local code page (GBK in China) unless it starts with a UTF-8 BOM.
const BOM = '\uFEFF'

function text(cell: ExportCell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return String(cell)
  return defuseFormula(typeof cell === 'string' ? cell : cell.link)
}

function quoted(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

function line(values: readonly string[]): string {
  return `${values.map(quoted).join(',')}\r\n`
}

/** RFC 4180 CSV in UTF-8 with a BOM, rows written as they come. */
export function csvSink(out: Writable, columns: readonly TableColumn[]): TableSink {
  out.write(BOM + line(columns.map((column) => defuseFormula(column.header))))
  return {
    async addRow(cells) {
      out.write(line(cells.map(text)))
    },
    async finish() {
      await new Promise<void>((resolve, reject) => {
        out.once('error', reject)
        out.end(resolve)
      })
    },
  }
}
