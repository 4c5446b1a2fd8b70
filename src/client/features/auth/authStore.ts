import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { services, stores } from '../../appServices.js'
import { PULLED_KEYS } from '../../offline/pullReference.js'
import { SESSION_KEY } from '../../offline/offlineServices.js'
import { requestPersistentStorage } from '../../offline/persistStorage.js'
import { clearCachedPledges } from '../pledges/pledgeCache.js'
import { requestLogout } from './authApi.js'
import { signIn, type Session, type SignInOutcome } from './signIn.js'

export const useAuthStore = defineStore('auth', () => {
  const session = ref<Session | null>(null)
  const loaded = ref(false)
  /** Set when the server answered 401 during sync: the queue waits for a new sign-in. */
  const expired = ref(false)

  const user = computed(() => session.value?.user ?? null)
  const token = computed(() => session.value?.token ?? null)

  async function load(): Promise<void> {
    if (loaded.value) return
    session.value = await stores.meta.getItem<Session>(SESSION_KEY)
    loaded.value = true
  }

  async function login(username: string, password: string): Promise<{ readonly kind: 'ok' } | Exclude<SignInOutcome, { kind: 'ok' }>> {
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
    await stores.meta.removeItem(SESSION_KEY)
    // What was pulled for this user is theirs: the next user pulls their own. The outbox stays.
    // ETags first: a sign-out cut short then leaves lists without ETags (pulled again in full), never an ETag without its list.
    await Promise.all(PULLED_KEYS.map((key) => stores.meta.removeItem(`etag:${key}`)))
    await Promise.all(PULLED_KEYS.map((key) => stores.meta.removeItem(key)))
    await clearCachedPledges(stores)
    await services.refreshSession()
    session.value = null
    if (current) await requestLogout(current)
  }

  /** A 401 means a session expired only when there was one: a phone nobody has signed in on yet has nothing to expire. */
  function markExpired(): void {
    if (session.value !== null) expired.value = true
  }

  return { session, loaded, expired, user, token, load, login, logout, markExpired }
})
