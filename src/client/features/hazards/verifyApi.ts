import type { IssueCode } from '../../../core/messages.js'
import type { ErrorBody, Hazard, VerifyHazardRequest } from '../../../core/protocol.js'

export type VerifyOutcome =
  | { readonly kind: 'ok'; readonly hazard: Hazard }
  /** `issue` says why, where the server named it (e.g. rectifierCannotVerify). */
  | { readonly kind: 'failed'; readonly code: string; readonly issue?: IssueCode }
  | { readonly kind: 'network' }

/** Verification is the bureau's decision, made online: it is not school-created data, so not a submission. */
export async function requestVerify(token: string, hazardId: string, body: VerifyHazardRequest): Promise<VerifyOutcome> {
  try {
    const response = await fetch(`/api/v1/hazards/${encodeURIComponent(hazardId)}/verify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (response.ok) return { kind: 'ok', hazard: ((await response.json()) as { hazard: Hazard }).hazard }
    const error = (await response.json().catch(() => null)) as ErrorBody | null
    const issue = error?.error.details?.issues?.[0]?.code
    return { kind: 'failed', code: error?.error.code ?? String(response.status), ...(issue === undefined ? {} : { issue }) }
  } catch {
    return { kind: 'network' }
  }
}
