import { defineStore } from 'pinia'
import { computed, markRaw, ref } from 'vue'
import { services, stores } from '../../appServices.js'
import { PULLED_KEYS } from '../../offline/pullReference.js'
import { SESSION_KEY } from '../../offline/offlineServices.js'
import { requestPersistentStorage } from '../../offline/persistStorage.js'
import { forgetFirstPaint, readFirstPaint } from '../todo/firstPaint.js'
import type { Session, SignInOutcome } from './signIn.js'

export const useAuthStore = defineStore('auth', () => {
  const session = ref<Session | null>(null)
  const loaded = ref(false)
  /** Set when the server answered 401 during sync: the queue waits for a new sign-in. */
  const expired = ref(false)

  // Until the session is read from IndexedDB, the user the first screen last showed stands in
  // (todo/firstPaint.ts): the 待办 paints without waiting. Never a token: nothing is sent for them.
  // Read once at start, here; the 待办's store takes its items from the same copy.
  const firstPaint = markRaw({ copy: readFirstPaint() })
  const remembered = firstPaint.copy?.user ?? null
  const user = computed(() => session.value?.user ?? (loaded.value ? null : remembered))
  const token = computed(() => session.value?.token ?? null)

  let reading: Promise<void> | null = null
  function load(): Promise<void> {
    reading ??= stores.meta.getItem<Session>(SESSION_KEY).then((stored) => {
      session.value = stored
      loaded.value = true
      // Signed out elsewhere, another user, or storage erased: the remembered screen was not theirs.
      if (remembered !== null && stored?.user.id !== remembered.id) forgetFirstPaint()
    })
    // A failed read may be tried again.
    reading.catch(() => (reading = null))
    return reading
  }

  async function login(username: string, password: string): Promise<{ readonly kind: 'ok' } | Exclude<SignInOutcome, { kind: 'ok' }>> {
    // A sign-in is a round trip to the server anyway: its code (precached) comes with it, off the first screen.
    const { signIn } = await import('./signIn.js')
    const outcome = await signIn(stores.meta, username, password)
    if (outcome.kind !== 'ok') return outcome
    await stores.meta.setItem(SESSION_KEY, outcome.session)
    session.value = outcome.session
    expired.value = false
    await services.refreshSession()
    void requestPersistentStorage()
    return { kind: 'ok' }
  }

  async function logout(): Promise<void> {
    const current = token.value
    forgetFirstPaint()
    await stores.meta.removeItem(SESSION_KEY)
    // What was pulled for this user is theirs: the next user pulls their own. The outbox stays.
    // ETags first: a sign-out cut short then leaves lists without ETags (pulled again in full), never an ETag without its list.
    await Promise.all(PULLED_KEYS.map((key) => stores.meta.removeItem(`etag:${key}`)))
    await Promise.all(PULLED_KEYS.map((key) => stores.meta.removeItem(key)))
    // Only a sign-out needs the pledge cache's code: fetched then, off the first screen.
    const { clearCachedPledges } = await import('../pledges/pledgeCache.js')
    await clearCachedPledges(stores)
    await services.refreshSession()
    session.value = null
    if (current) await (await import('./authApi.js')).requestLogout(current)
  }

  /** A 401 means a session expired only when there was one: a phone nobody has signed in on yet has nothing to expire. */
  function markExpired(): void {
    if (session.value !== null) expired.value = true
  }

  return { session, loaded, expired, user, token, firstPaint, load, login, logout, markExpired }
})
