import type { HazardStatus } from './protocol.js'

/** What the bureau or an inspector does with a hazard: confirm it fixed (销号) or send it back. */
export type VerifyAction = 'close' | 'reopen'

/**
 * found → open → (school rectifies) → rectified → (verified) → closed, and back to open when
 * the fix is not accepted or the hazard returns. An inspector on site may close an open hazard
 * directly. Returns the new status, or null when the action does not apply.
 */
export function verifyTransition(status: HazardStatus, action: VerifyAction): HazardStatus | null {
  if (action === 'close') return status === 'open' || status === 'rectified' ? 'closed' : null
  return status === 'rectified' || status === 'closed' ? 'open' : null
}

/** A rectification is accepted only for a hazard still waiting for one. */
export function canRectify(status: HazardStatus): boolean {
  return status === 'open'
}
