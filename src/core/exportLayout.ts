import type { AnswerValue, Answers, CheckAnswer, Field, FormTemplate, GeoPoint } from './forms/types.js'

/** One spreadsheet cell: a number stays a number (Excel can sum it), a link stays clickable. */
export type ExportCell = string | number | null | { readonly text: string; readonly link: string }

/** Which part of a field's answer a column shows: a check item spreads over four columns. */
export type ColumnPart = 'value' | 'result' | 'note' | 'hazard' | 'photos'

export type ReportColumn = { readonly fieldId: string; readonly part: ColumnPart; readonly header: string; readonly width: number }

const checkParts: readonly { readonly part: ColumnPart; readonly suffix: string; readonly width: number }[] = [
  { part: 'result', suffix: '', width: 12 },
  { part: 'note', suffix: '（备注）', width: 20 },
  { part: 'hazard', suffix: '（隐患）', width: 30 },
  { part: 'photos', suffix: '（照片）', width: 30 },
]

const resultLabel: Record<CheckAnswer['result'], string> = { pass: '合格', fail: '不合格', na: '不适用' }
const severityLabel: Record<string, string> = { low: '一般', medium: '较大', high: '重大' }

function columnsOf(field: Field): ReportColumn[] {
  const label = field.label.zh
  if (field.type === 'check') {
    return checkParts.map(({ part, suffix, width }) => ({ fieldId: field.id, part, header: `${label}${suffix}`, width }))
  }
  const width = field.type === 'text' || field.type === 'photo' ? 30 : field.type === 'integer' || field.type === 'number' ? 10 : 16
  return [{ fieldId: field.id, part: 'value', header: label, width }]
}

/**
 * The answer columns of a form across the versions being exported: the newest version's fields
 * in its order, then any field only older versions had, so an old report loses no answer.
 */
export function reportColumns(templates: readonly FormTemplate[]): ReportColumn[] {
  const newestFirst = [...templates].sort((a, b) => b.version - a.version)
  const seen = new Set<string>()
  const columns: ReportColumn[] = []
  for (const template of newestFirst) {
    for (const field of template.sections.flatMap((section) => section.fields)) {
      if (seen.has(field.id)) continue
      seen.add(field.id)
      columns.push(...columnsOf(field))
    }
  }
  return columns
}

function isCheck(value: AnswerValue | undefined): value is CheckAnswer {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'result' in value
}

function isPoint(value: AnswerValue | undefined): value is GeoPoint {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'lat' in value
}

function links(hashes: readonly string[], photoUrl: (sha256: string) => string): ExportCell {
  if (hashes.length === 0) return null
  const urls = hashes.map(photoUrl)
  // One cell holds one hyperlink; several photos are listed one URL per line.
  return urls.length === 1 && urls[0] !== undefined ? { text: urls[0], link: urls[0] } : urls.join('\n')
}

function hazardText(answer: CheckAnswer): string | null {
  const hazard = answer.hazard
  if (!hazard) return null
  const who = hazard.responsible ? `，责任人 ${hazard.responsible}` : ''
  return `${hazard.description}（${severityLabel[hazard.severity] ?? hazard.severity}，整改期限 ${hazard.deadline}${who}）`
}

function optionLabel(field: Field | undefined, value: string): string {
  if (field?.type !== 'choice' && field?.type !== 'multi') return value
  return field.options.find((option) => option.value === value)?.label.zh ?? value
}

function cellFor(column: ReportColumn, field: Field | undefined, value: AnswerValue | undefined, photoUrl: (sha256: string) => string): ExportCell {
  if (value === undefined) return null
  if (isCheck(value)) {
    if (column.part === 'result') return resultLabel[value.result] ?? value.result
    if (column.part === 'note') return value.note ?? null
    if (column.part === 'hazard') return hazardText(value)
    return links(value.photos ?? [], photoUrl)
  }
  if (isPoint(value)) return `${value.lat}, ${value.lng}（±${Math.round(value.accuracy)} 米）`
  if (typeof value === 'number') return value
  if (field?.type === 'photo' && Array.isArray(value)) return links(value, photoUrl)
  if (field?.type === 'signature' && typeof value === 'string') return links([value], photoUrl)
  if (Array.isArray(value)) return value.map((item) => optionLabel(field, item)).join('、')
  if (typeof value === 'string') return optionLabel(field, value)
  return null
}

/** One report's answers laid out over the columns; photos and signatures become links. */
export function reportCells(
  columns: readonly ReportColumn[],
  templates: readonly FormTemplate[],
  answers: Answers,
  photoUrl: (sha256: string) => string,
): ExportCell[] {
  const fields = new Map<string, Field>()
  for (const template of [...templates].sort((a, b) => a.version - b.version)) {
    for (const field of template.sections.flatMap((section) => section.fields)) fields.set(field.id, field)
  }
  return columns.map((column) => cellFor(column, fields.get(column.fieldId), answers[column.fieldId], photoUrl))
}

/** China has one time zone: the bureau reads 北京时间, not UTC. `2026-03-01 09:30:00`. */
export function chinaTime(iso: string | null): string | null {
  if (iso === null) return null
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}
