import type { LoginResponse } from '../../core/protocol.js'

/** Meta key of the signed-in session: in IndexedDB, not localStorage, so the service worker can sync with it too. */
export const SESSION_KEY = 'session'

/** The signed-in session as kept under SESSION_KEY: the sign-in reply without its device token, which is kept per account. */
export type Session = Omit<LoginResponse, 'deviceToken'>
