import { isIsoDate } from './dates.js'
import type { CheckAnswer, Field, GeoPoint } from './forms/types.js'
import { isSha256Hex } from './hashes.js'
import type { IssueCode, IssueParams } from './messages.js'

/** How a check reports one problem with an answer; validate.ts turns it into an issue with a path. */
export type IssueReport = (code: IssueCode, params?: IssueParams) => void

export const NOTE_MAX = 1000
const HAZARD_DESCRIPTION_MAX = 500
export const PHOTO_MAX_DEFAULT = 9
const RESPONSIBLE_MAX = 50

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isGeoPoint(value: unknown): value is GeoPoint {
  if (!isPlainObject(value)) return false
  const { lat, lng, accuracy } = value
  return (
    typeof lat === 'number' && lat >= -90 && lat <= 90 &&
    typeof lng === 'number' && lng >= -180 && lng <= 180 &&
    typeof accuracy === 'number' && Number.isFinite(accuracy) && accuracy >= 0
  )
}

export function checkHashes(value: unknown, max: number, report: IssueReport): void {
  if (!Array.isArray(value)) return report('type')
  if (value.length > max) report('tooMany', { limit: max })
  if (!value.every(isSha256Hex)) report('hash')
}

export function checkNumber(field: Extract<Field, { type: 'integer' | 'number' }>, value: unknown, report: IssueReport): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) return report('type')
  if (field.type === 'integer' && !Number.isInteger(value)) report('integer')
  if (field.min !== undefined && value < field.min) report('min', { limit: field.min })
  if (field.max !== undefined && value > field.max) report('max', { limit: field.max })
}

export function checkCheck(value: unknown, requireHazard: boolean, report: IssueReport): void {
  if (!isPlainObject(value)) return report('type')
  const answer = value as Partial<CheckAnswer>
  if (answer.result !== 'pass' && answer.result !== 'fail' && answer.result !== 'na') return report('type')
  if (answer.note !== undefined && typeof answer.note !== 'string') report('type')
  else if (answer.note !== undefined && answer.note.length > NOTE_MAX) report('maxLength', { limit: NOTE_MAX })
  if (answer.photos !== undefined) checkHashes(answer.photos, PHOTO_MAX_DEFAULT, report)
  const hazard = answer.hazard
  if (hazard === undefined) {
    if (answer.result === 'fail' && requireHazard) report('hazardRequired')
    return
  }
  if (!isPlainObject(hazard)) return report('type')
  if (typeof hazard.description !== 'string' || hazard.description.trim() === '') report('hazardDescription')
  else if (hazard.description.length > HAZARD_DESCRIPTION_MAX) report('maxLength', { limit: HAZARD_DESCRIPTION_MAX })
  if (hazard.severity !== 'low' && hazard.severity !== 'medium' && hazard.severity !== 'high') report('type')
  if (!isIsoDate(hazard.deadline)) report('hazardDeadline')
  if (hazard.responsible !== undefined && typeof hazard.responsible !== 'string') report('type')
  else if (hazard.responsible !== undefined && hazard.responsible.length > RESPONSIBLE_MAX) report('maxLength', { limit: RESPONSIBLE_MAX })
}

export function isCheckAnswer(value: unknown): value is CheckAnswer {
  return isPlainObject(value) && 'result' in value
}
