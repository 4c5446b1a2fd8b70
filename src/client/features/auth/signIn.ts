import type { Session } from '../../offline/offlineServices.js'
import type { Store } from '../../offline/storage.js'
import { requestLogin, type LoginOutcome } from './authApi.js'

export type { Session }

export type SignInOutcome = { readonly kind: 'ok'; readonly session: Session } | Exclude<LoginOutcome, { kind: 'ok' }>

/**
 * One key per account, beside the session rather than in it: signing out forgets the session
 * but not that this phone is the user's own, which is what lets it past a lockout an attacker
 * caused. A shared phone (a school's staff and principal) holds one per account.
 */
const deviceKey = (username: string) => `login-device:${username.trim().toLowerCase()}`

/** Signs in with the device token an earlier sign-in to this account left here, and keeps the one the server returns. */
export async function signIn(meta: Store, username: string, password: string): Promise<SignInOutcome> {
  const known = (await meta.getItem<string>(deviceKey(username))) ?? undefined
  const outcome = await requestLogin(username, password, known)
  if (outcome.kind !== 'ok') return outcome
  const { deviceToken, ...session } = outcome.session
  if (deviceToken !== known) await meta.setItem(deviceKey(username), deviceToken)
  return { kind: 'ok', session }
}
