import { ref } from 'vue'

/** Set when the browser has the service worker API but registration failed or was blocked. */
export const serviceWorkerBlocked = ref(false)
