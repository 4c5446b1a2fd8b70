import type { HazardEvent, HazardStatus } from './protocol.js'

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

/** Who filed the newest rectification in a hazard's history (oldest first), null when nobody has. */
export function rectifiedBy(history: readonly Pick<HazardEvent, 'kind' | 'userId'>[]): string | null {
  for (let index = history.length - 1; index >= 0; index--) {
    const event = history[index]
    if (event?.kind === 'rectified') return event.userId
  }
  return null
}

/**
 * Separation of duties: whoever filed the rectification a hazard now rests on may not accept it
 * (close) nor grant it more time (reopen with a new deadline). Reopening without a new deadline
 * stays open to him: it withdraws his own claim that the work is done, which only ever makes
 * the record stricter. Another inspector, the bureau or an admin decides instead.
 */
export function rectifierMayNotDecide(decision: {
  readonly status: HazardStatus
  readonly action: VerifyAction
  readonly movesDeadline: boolean
  /** The user who filed the newest rectification, null when there is none. */
  readonly rectifiedBy: string | null
  readonly userId: string
}): boolean {
  // Only a hazard waiting for verification rests on someone's rectification.
  if (decision.status !== 'rectified' || decision.rectifiedBy !== decision.userId) return false
  return decision.action === 'close' || decision.movesDeadline
}
