import { isIsoTimestamp } from './dates.js'
import { nonFinitePath } from './finiteNumbers.js'
import { MAX_FORM_VERSION, type FormTemplate } from './forms/types.js'
import { isSha256Hex } from './hashes.js'
import { issueMessage } from './messages.js'
import { isPeriod } from './periods.js'
import type { SubmissionEnvelope } from './protocol.js'
import { hasErrors, isGeoPoint, referencedHashes, validateAnswers, type ValidationContext, type ValidationIssue } from './validate.js'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const MAX_ATTACHMENTS = 200

function envelopeIssue(fieldId: string): ValidationIssue {
  return { fieldId, code: 'type', severity: 'error', message: issueMessage('type') }
}

function shortString(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= max
}

/**
 * A non-finite number (1e309 parses as Infinity) anywhere in the envelope, named by its answer
 * or envelope key: the report cannot be hashed or stored, so it is refused on its own.
 */
function nonFiniteIssue(value: SubmissionEnvelope): ValidationIssue[] {
  const path = nonFinitePath(value)
  if (path === null) return []
  return [envelopeIssue(path[0] === 'answers' && path[1] !== undefined ? path[1] : path[0] ?? '')]
}

/** The envelope's own shape, before the answers are checked against a template. */
export function checkEnvelopeShape(value: SubmissionEnvelope): ValidationIssue[] {
  const nonFinite = nonFiniteIssue(value)
  if (nonFinite.length > 0) return nonFinite
  const checks: [string, boolean][] = [
    ['id', typeof value.id === 'string' && uuid.test(value.id)],
    ['formId', shortString(value.formId, 64)],
    ['formVersion', Number.isInteger(value.formVersion) && value.formVersion > 0 && value.formVersion <= MAX_FORM_VERSION],
    ['schoolId', shortString(value.schoolId, 64)],
    ['period', value.period === undefined || (typeof value.period === 'string' && isPeriod(value.period))],
    ['location', value.location === undefined || isGeoPoint(value.location)],
    ['subjectId', value.subjectId === undefined || shortString(value.subjectId, 128)],
    [
      'attachments',
      Array.isArray(value.attachments) &&
        value.attachments.length <= MAX_ATTACHMENTS &&
        value.attachments.every(isSha256Hex),
    ],
    ['startedAt', isIsoTimestamp(value.startedAt)],
    ['completedAt', isIsoTimestamp(value.completedAt)],
    ['deviceId', shortString(value.deviceId, 64)],
  ]
  return checks.filter(([, ok]) => !ok).map(([fieldId]) => envelopeIssue(fieldId))
}

/** Everything wrong with a submission against its template; warnings included. */
export function validateSubmission(
  template: FormTemplate,
  submission: SubmissionEnvelope,
  context: ValidationContext = {},
): ValidationIssue[] {
  const shape = checkEnvelopeShape(submission)
  if (shape.length > 0) return shape
  // A survey without its period (or with a month where a term is due) cannot be filed.
  if (template.period && !(submission.period !== undefined && isPeriod(submission.period, template.period))) {
    return [envelopeIssue('period')]
  }
  const issues = validateAnswers(template, submission.answers, context)
  if (hasErrors(issues)) return issues
  const { missing, unused } = compareAttachments(template, submission)
  const attachmentIssue = (code: 'attachmentMissing' | 'attachmentUnused'): ValidationIssue => ({
    fieldId: 'attachments',
    code,
    severity: 'error',
    message: issueMessage(code),
  })
  // Warnings (soft checks) stay in the list but never hide a missing photo.
  return [...issues, ...missing.map(() => attachmentIssue('attachmentMissing')), ...unused.map(() => attachmentIssue('attachmentUnused'))]
}

/**
 * The attachments list must be exactly the hashes the answers use. A listed hash no answer uses
 * is refused, not tolerated: the server grants read access to every hash a stored report lists,
 * so an unused entry would be a way to claim someone else's photo without showing it anywhere.
 */
export function compareAttachments(template: FormTemplate, submission: SubmissionEnvelope): { missing: string[]; unused: string[] } {
  const used = referencedHashes(template, submission.answers)
  const attached = new Set(submission.attachments)
  const usedSet = new Set(used)
  return {
    missing: used.filter((hash) => !attached.has(hash)),
    unused: [...attached].filter((hash) => !usedSet.has(hash)),
  }
}
