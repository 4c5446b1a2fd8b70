import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { ExportCell } from '../../core/exportLayout.js'
import { csvSink } from './csv-sink.js'
import { xlsxSink } from './xlsx-sink.js'

export type ExportFormat = 'xlsx' | 'csv'

export type TableColumn = { readonly header: string; readonly width: number }

/** Where an export's rows go, one at a time: nothing holds the whole table. */
export interface TableSink {
  addRow(cells: readonly ExportCell[]): Promise<void>
  /** Writes what is left and ends the output stream. */
  finish(): Promise<void>
  /** Starts another sheet after the current one; only a workbook has sheets (CSV holds one table). */
  nextSheet?(sheetName: string, columns: readonly TableColumn[]): void
}

export const contentTypes: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
}

export function openSink(format: ExportFormat, out: Writable, sheetName: string, columns: readonly TableColumn[]): TableSink {
  return format === 'xlsx' ? xlsxSink(out, sheetName, columns) : csvSink(out, columns)
}

/** Waits while the client reads slower than the database delivers, so buffers stay bounded. */
export async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain && !out.destroyed) await once(out, 'drain')
}
