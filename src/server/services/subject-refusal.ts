import { issueMessage, type IssueCode } from '../../core/messages.js'
import type { SubmitResult } from '../../core/protocol.js'
import { apiError, bilingual } from '../api-error.js'

/** A report refused for what its subjectId names (a notice, a campaign), in both languages. */
export function subjectRefusal(id: string, code: IssueCode): SubmitResult {
  const issue = { fieldId: 'subjectId', code, severity: 'error' as const, message: issueMessage(code) }
  return { id, status: 'rejected', error: apiError('validation_failed', bilingual(issue.message), [issue]) }
}
