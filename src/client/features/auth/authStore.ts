import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { LoginResponse } from '../../../core/protocol.js'
import { stores } from '../../appServices.js'
import { requestLogin, requestLogout, type LoginOutcome } from './authApi.js'

// The session lives in IndexedDB (not localStorage) so the service worker can sync with it too.
const SESSION_KEY = 'session'

export const useAuthStore = defineStore('auth', () => {
  const session = ref<LoginResponse | null>(null)
  const loaded = ref(false)
  /** Set when the server answered 401 during sync: the queue waits for a new sign-in. */
  const expired = ref(false)

  const user = computed(() => session.value?.user ?? null)
  const token = computed(() => session.value?.token ?? null)

  async function load(): Promise<void> {
    if (loaded.value) return
    session.value = await stores.meta.getItem<LoginResponse>(SESSION_KEY)
    loaded.value = true
  }

  async function login(username: string, password: string): Promise<LoginOutcome['kind']> {
    const outcome = await requestLogin(username, password)
    if (outcome.kind !== 'ok') return outcome.kind
    await stores.meta.setItem(SESSION_KEY, outcome.session)
    session.value = outcome.session
    expired.value = false
    return 'ok'
  }

  async function logout(): Promise<void> {
    const current = token.value
    await stores.meta.removeItem(SESSION_KEY)
    session.value = null
    if (current) await requestLogout(current)
  }

  function markExpired(): void {
    expired.value = true
  }

  return { session, loaded, expired, user, token, load, login, logout, markExpired }
})
