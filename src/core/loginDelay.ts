export type LoginDelayPolicy = {
  /** Failures that cost nothing: a user's own typos. */
  readonly freeFailures: number
  readonly firstDelaySeconds: number
  readonly maxDelaySeconds: number
}

/**
 * How long one place (an account from one address, or from one known device) must wait after
 * its `failures`-th recent failure before the next try: nothing for the first few, then a
 * doubling wait up to the cap. Guessing slows down exponentially; nobody is locked out by it.
 */
export function loginDelaySeconds(failures: number, policy: LoginDelayPolicy): number {
  const beyond = failures - policy.freeFailures
  if (beyond <= 0) return 0
  // 2^31 already exceeds any cap; stopping there keeps the power finite.
  const delay = policy.firstDelaySeconds * 2 ** Math.min(beyond - 1, 31)
  return Math.min(delay, policy.maxDelaySeconds)
}
