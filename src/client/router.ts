import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from '../core/protocol.js'
import { useAuthStore } from './features/auth/authStore.js'
import TodoView from './features/todo/TodoView.vue'
import { ownsTodo } from './features/todo/ownsTodo.js'
import { laterTexts } from './i18n/index.js'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** A form is open: the update prompt must not reload under it. */
    form?: boolean
    roles?: readonly Role[]
    /** The first screen: its texts are in the main chunk, the router does not wait for the others. */
    first?: boolean
    /** Drawn inside the bureau's workspace layout, whose side navigation replaces the tab bar at a desk. */
    workspace?: boolean
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', component: () => import('./features/auth/LoginView.vue'), meta: { public: true, first: true } },
  // A school's first screen is its 待办 (issue 14); the form list is one tap away.
  { path: '/', component: TodoView, meta: { first: true } },
  { path: '/forms', component: () => import('./features/forms/FormListView.vue') },
  { path: '/new/:formId', component: () => import('./features/todo/NewDraftView.vue'), props: true, meta: { form: true } },
  { path: '/fill/:id', component: () => import('./features/forms/FormFillView.vue'), props: true, meta: { form: true } },
  { path: '/outbox', component: () => import('./features/outbox/OutboxView.vue') },
  { path: '/outbox/:id', component: () => import('./features/outbox/OutboxDetailView.vue'), props: true },
  { path: '/settings', component: () => import('./features/settings/SettingsView.vue') },
  { path: '/hazards', component: () => import('./features/hazards/HazardListView.vue') },
  { path: '/hazards/:id', component: () => import('./features/hazards/HazardDetailView.vue'), props: true },
  { path: '/history', component: () => import('./features/inspections/InspectionHistoryView.vue') },
  // The bureau's screens live in their own chunk: a school phone never downloads them.
  {
    // One record for the whole workspace: its screens are matched inside the lazy chunk
    // (bureauScreens.ts), so not even their route table reaches a school phone.
    path: '/bureau/:rest(.*)*',
    component: () => import('./features/bureau/BureauLayout.vue'),
    meta: { roles: ['inspector', 'bureau', 'admin'], workspace: true },
  },
  // Pledges: their own lazy chunk (markdown-it, the signature pad) off the first screen.
  { path: '/pledges', component: () => import('./features/pledges/PledgeListView.vue'), meta: { roles: ['staff', 'principal'] } },
  {
    path: '/pledges/:versionId/sign',
    component: () => import('./features/pledges/PledgeSignView.vue'),
    props: true,
    meta: { form: true, roles: ['staff', 'principal'] },
  },
  { path: '/pledges/:versionId/signatures/:signatureId', component: () => import('./features/pledges/PledgeRecordView.vue'), props: true },
  {
    path: '/bureau/pledges',
    component: () => import('./features/pledges/PledgeReportView.vue'),
    meta: { roles: ['inspector', 'bureau', 'admin'] },
  },
  // Notices (/notices, /notices/:id) and campaigns (/campaigns/:id): one lazy chunk, offline from what was last pulled.
  { path: '/:area(notices|campaigns)/:id?', component: () => import('./features/notices/NoticeScreens.vue'), props: true },
  { path: '/:rest(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  if (to.meta.first && !auth.loaded && auth.user !== null) {
    // The first screen as the phone last showed it (todo/firstPaint.ts), without waiting for
    // IndexedDB; once the session is read, the screen is judged again by who is really signed in.
    const shown = auth.user.id
    void auth.load().then(() => {
      const { path, query, hash } = router.currentRoute.value
      if (auth.user?.id !== shown) void router.replace({ path, query, hash, force: true })
    })
  } else {
    await Promise.all([auth.load(), to.meta.first ? null : laterTexts])
  }
  if (to.meta.public) return true
  if (!auth.user) return { path: '/login', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
  // The district's people owe nothing themselves: their home is the form list.
  if (to.path === '/' && !ownsTodo(auth.user.role)) return '/forms'
  if (to.meta.roles && !to.meta.roles.includes(auth.user.role)) return '/'
  return true
})
