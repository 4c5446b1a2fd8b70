import { fieldTypes, plainCell, specOf, type ColumnPart, type ExportCell } from './forms/fieldTypes.js'
import type { Answers, Field, FieldValue, FormTemplate, Section } from './forms/types.js'

export type { ColumnPart, ExportCell }

export type ReportColumn = { readonly fieldId: string; readonly part: ColumnPart; readonly header: string; readonly width: number }

function columnsOf(field: Field): ReportColumn[] {
  return fieldTypes[field.type].columns.map(({ part, suffix, width }) => ({ fieldId: field.id, part, header: `${field.label.zh}${suffix}`, width }))
}

function newestFirst(templates: readonly FormTemplate[]): FormTemplate[] {
  return [...templates].sort((a, b) => b.version - a.version)
}

/** Columns for the fields of the chosen sections across versions: newest order first, then fields only older versions had. */
function columnsAcross(templates: readonly FormTemplate[], pick: (section: Section) => boolean): ReportColumn[] {
  const seen = new Set<string>()
  const columns: ReportColumn[] = []
  for (const template of newestFirst(templates)) {
    for (const field of template.sections.filter(pick).flatMap((section) => section.fields)) {
      if (seen.has(field.id)) continue
      seen.add(field.id)
      columns.push(...columnsOf(field))
    }
  }
  return columns
}

/**
 * The answer columns of a form across the versions being exported: the newest version's fields
 * in its order, then any field only older versions had, so an old report loses no answer.
 * Repeating sections are not here: each has its own sheet (`repeatSheets`). An item hidden by
 * its condition was not sent, so its cells are empty, never a 不合格 or a 0.
 */
export function reportColumns(templates: readonly FormTemplate[]): ReportColumn[] {
  return columnsAcross(templates, (section) => section.repeat === undefined)
}

function fieldsById(templates: readonly FormTemplate[]): Map<string, Field> {
  const fields = new Map<string, Field>()
  for (const template of [...templates].sort((a, b) => a.version - b.version)) {
    for (const field of template.sections.flatMap((section) => section.fields)) fields.set(field.id, field)
  }
  return fields
}

function cellFor(column: ReportColumn, field: Field | undefined, value: FieldValue | undefined, photoUrl: (sha256: string) => string): ExportCell {
  if (value === undefined) return null
  if (!field) return column.part === 'value' || column.part === 'result' ? plainCell(value) : null
  return specOf(field).cell(field, value, column.part, photoUrl)
}

function cellsOf(columns: readonly ReportColumn[], fields: ReadonlyMap<string, Field>, values: Readonly<Record<string, unknown>>, photoUrl: (sha256: string) => string): ExportCell[] {
  return columns.map((column) => {
    const value = Object.hasOwn(values, column.fieldId) ? (values[column.fieldId] as FieldValue) : undefined
    return cellFor(column, fields.get(column.fieldId), value, photoUrl)
  })
}

/** One report's answers laid out over the columns; photos and signatures become links. */
export function reportCells(
  columns: readonly ReportColumn[],
  templates: readonly FormTemplate[],
  answers: Answers,
  photoUrl: (sha256: string) => string,
): ExportCell[] {
  return cellsOf(columns, fieldsById(templates), answers, photoUrl)
}

/** A repeating section's own sheet (as ODK exports repeats): one row per instance, linked to its report by id. */
export type RepeatSheet = { readonly repeatId: string; readonly title: string; readonly columns: readonly ReportColumn[] }

export function repeatSheets(templates: readonly FormTemplate[]): RepeatSheet[] {
  const sheets: RepeatSheet[] = []
  const seen = new Set<string>()
  for (const template of newestFirst(templates)) {
    for (const section of template.sections) {
      if (!section.repeat || seen.has(section.id)) continue
      seen.add(section.id)
      const id = section.id
      sheets.push({ repeatId: id, title: section.title.zh, columns: columnsAcross(templates, (each) => each.id === id && each.repeat !== undefined) })
    }
  }
  return sheets
}

/** The rows of one report on a repeat's sheet: the instance number (from 1), then its answers. */
export function repeatRows(
  sheet: RepeatSheet,
  templates: readonly FormTemplate[],
  answers: Answers,
  photoUrl: (sha256: string) => string,
): ExportCell[][] {
  const given = Object.hasOwn(answers, sheet.repeatId) ? answers[sheet.repeatId] : undefined
  if (!Array.isArray(given)) return []
  const fields = fieldsById(templates)
  return given.map((instance: unknown, index) => [
    index + 1,
    ...cellsOf(sheet.columns, fields, typeof instance === 'object' && instance !== null ? (instance as Record<string, unknown>) : {}, photoUrl),
  ])
}

/** China has one time zone: the bureau reads 北京时间, not UTC. `2026-03-01 09:30:00`. */
export function chinaTime(iso: string | null): string | null {
  if (iso === null) return null
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}
