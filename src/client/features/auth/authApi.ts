import type { ErrorBody, LoginRequest, LoginResponse } from '../../../core/protocol.js'

export type LoginOutcome =
  | { readonly kind: 'ok'; readonly session: LoginResponse }
  | { readonly kind: 'wrong' | 'network' }
  /** The server's sign-in delay or lock: seconds until the next try may succeed (Retry-After). */
  | { readonly kind: 'too_many'; readonly seconds: number }

/** Sign-in talks to the server directly: it is the one call that cannot wait in the outbox. */
export async function requestLogin(username: string, password: string, deviceToken?: string): Promise<LoginOutcome> {
  const request: LoginRequest = deviceToken === undefined ? { username, password } : { username, password, deviceToken }
  let response: Response
  try {
    response = await fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    })
  } catch {
    return { kind: 'network' }
  }
  if (response.ok) return { kind: 'ok', session: (await response.json()) as LoginResponse }
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'))
    return { kind: 'too_many', seconds: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60 }
  }
  if (response.status === 401 || response.status === 400) return { kind: 'wrong' }
  const body = (await response.json().catch(() => null)) as ErrorBody | null
  return body?.error.code === 'unauthorized' ? { kind: 'wrong' } : { kind: 'network' }
}

/** Best effort: an offline sign-out still forgets the token on the phone. */
export async function requestLogout(token: string): Promise<void> {
  await fetch('/api/v1/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined)
}
