import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { useOutboxStore } from './features/outbox/outboxStore.js'
import { useFormsStore } from './features/forms/formsStore.js'
import { useTodoStore } from './features/todo/todoStore.js'
import { i18n, localeReady } from './i18n/index.js'
import { startBackgroundWork } from './appServices.js'
import { registerServiceWorker } from './offline/registerSw.js'
import { router } from './router.js'
import { useAppUpdate } from './ui/useAppUpdate.js'
import { takeEarlyTap } from './ui/earlyTap.js'
import { whenIdle } from './ui/whenIdle.js'
import { isChunkLoadError, screenLoadFailed, serviceWorkerBlocked } from './ui/appNotices.js'

const app = createApp(App).use(createPinia()).use(i18n).use(router)
void localeReady.then(() => {
  app.mount('#app')
  performance.mark('app-mounted')
  // A row tapped on the 待办 painted before the app ran (public/first-screen.js) is followed now.
  const tap = takeEarlyTap()
  if (tap !== null) void router.isReady().then(() => router.push(tap))
})
// Vant's imperative APIs (toast, dialog) are not seen by the component resolver: their CSS by hand,
// fetched after the first screen since only later screens show a toast or a dialog.
whenIdle(() => {
  void import('vant/es/toast/style')
  void import('vant/es/dialog/style')
})

const outbox = useOutboxStore()
const forms = useFormsStore()
const todo = useTodoStore()
// The 待办 and the templates are read at once, beside the session: the first screen mounts with them in hand.
void todo.reload().catch(() => undefined)
void forms.load().catch(() => undefined)
outbox.start()
startBackgroundWork({
  onPulled: () => {
    void forms.reload()
    void todo.reload()
  },
})
const update = useAppUpdate()
// Only a browser without a service worker needs it: its own chunk, off everyone's first screen.
function warmScreens(): void {
  void import('./warmPhoneScreens.js').then(({ warmPhoneScreens }) => warmPhoneScreens(router)).catch(() => undefined)
}
const worker = registerServiceWorker({
  onUpdateWaiting: (activate) => update.offer(activate),
  onSyncRequest: () => void outbox.syncNow('background-sync'),
  onUnavailable: () => {
    serviceWorkerBlocked.value = true
    warmScreens()
  },
})
// No service worker API (iOS WeChat, some Android shells): nothing is precached, so the screens load now.
if (worker === null && !import.meta.env.DEV) warmScreens()
// A screen that could not load (offline, before its chunk was fetched) says so instead of doing nothing.
router.onError((error) => {
  if (isChunkLoadError(error)) screenLoadFailed.value = true
})
router.afterEach((_to, _from, failure) => {
  if (!failure) screenLoadFailed.value = false
})
