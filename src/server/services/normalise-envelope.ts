import type { SubmissionEnvelope } from '../../core/protocol.js'

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

export function idOf(raw: unknown): string {
  return isPlainObject(raw) && typeof raw['id'] === 'string' ? raw['id'].slice(0, 64) : ''
}
