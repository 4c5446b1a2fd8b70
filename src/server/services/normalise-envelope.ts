import type { SubmissionEnvelope } from '../../core/protocol.js'
import { issueMessage } from '../../core/messages.js'
import type { ValidationIssue } from '../../core/validate.js'

const envelopeKeys = [
  'id',
  'formId',
  'formVersion',
  'schoolId',
  'period',
  'subjectId',
  'answers',
  'attachments',
  'location',
  'startedAt',
  'completedAt',
  'deviceId',
] as const satisfies readonly (keyof SubmissionEnvelope)[]

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Only the envelope's own keys, so an unknown extra key neither changes the digest nor gets
 * stored. The result is not yet checked: callers run checkEnvelopeShape on it.
 */
export function normaliseEnvelope(raw: Record<string, unknown>): SubmissionEnvelope {
  const picked: Record<string, unknown> = {}
  for (const key of envelopeKeys) {
    if (raw[key] !== undefined) picked[key] = raw[key]
  }
  return picked as SubmissionEnvelope
}

function isGeoPoint(value: unknown): boolean {
  if (!isPlainObject(value)) return false
  const { lat, lng, accuracy } = value
  return (
    typeof lat === 'number' && lat >= -90 && lat <= 90 &&
    typeof lng === 'number' && lng >= -180 && lng <= 180 &&
    typeof accuracy === 'number' && accuracy >= 0
  )
}

/** The envelope's optional location is not covered by the core shape check. */
export function locationIssues(envelope: SubmissionEnvelope): ValidationIssue[] {
  if (envelope.location === undefined || isGeoPoint(envelope.location)) return []
  return [{ fieldId: 'location', code: 'location', severity: 'error', message: issueMessage('location') }]
}

export function idOf(raw: unknown): string {
  return isPlainObject(raw) && typeof raw['id'] === 'string' ? raw['id'].slice(0, 64) : ''
}
