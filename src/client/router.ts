import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from '../core/protocol.js'
import { useAuthStore } from './features/auth/authStore.js'
import FormListView from './features/forms/FormListView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** A form is open: the update prompt must not reload under it. */
    form?: boolean
    roles?: readonly Role[]
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', component: () => import('./features/auth/LoginView.vue'), meta: { public: true } },
  { path: '/', component: FormListView },
  { path: '/fill/:id', component: () => import('./features/forms/FormFillView.vue'), props: true, meta: { form: true } },
  { path: '/outbox', component: () => import('./features/outbox/OutboxView.vue') },
  { path: '/outbox/:id', component: () => import('./features/outbox/OutboxDetailView.vue'), props: true },
  { path: '/settings', component: () => import('./features/settings/SettingsView.vue') },
  // The bureau's screens live in their own chunk: a school phone never downloads them.
  {
    path: '/bureau',
    component: () => import('./features/bureau/BureauInboxView.vue'),
    meta: { roles: ['inspector', 'bureau', 'admin'] },
  },
  { path: '/:rest(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  await auth.load()
  if (to.meta.public) return true
  if (!auth.user) return { path: '/login', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
  if (to.meta.roles && !to.meta.roles.includes(auth.user.role)) return '/'
  return true
})
