import { createPinia } from 'pinia'
import { createApp } from 'vue'
// Vant's imperative APIs (toast, dialog) are not seen by the component resolver: their CSS by hand.
import 'vant/es/toast/style'
import 'vant/es/dialog/style'
import App from './App.vue'
import { useOutboxStore } from './features/outbox/outboxStore.js'
import { useFormsStore } from './features/forms/formsStore.js'
import { i18n } from './i18n/index.js'
import { startBackgroundWork } from './appServices.js'
import { registerServiceWorker } from './offline/registerSw.js'
import { router } from './router.js'
import { useAppUpdate } from './ui/useAppUpdate.js'

const app = createApp(App).use(createPinia()).use(i18n).use(router)
app.mount('#app')

const outbox = useOutboxStore()
const forms = useFormsStore()
outbox.start()
startBackgroundWork({ onPulled: () => void forms.reload() })
const update = useAppUpdate()
registerServiceWorker({
  onUpdateWaiting: (activate) => update.offer(activate),
  onSyncRequest: () => void outbox.syncNow('background-sync'),
})
