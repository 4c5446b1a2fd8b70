import { onBeforeUnmount, ref } from 'vue'

/** navigator.onLine as a ref. It only knows the radio, not the server: sync results tell the rest. */
export function useOnline() {
  const online = ref(navigator.onLine)
  const update = () => (online.value = navigator.onLine)
  window.addEventListener('online', update)
  window.addEventListener('offline', update)
  onBeforeUnmount(() => {
    window.removeEventListener('online', update)
    window.removeEventListener('offline', update)
  })
  return online
}
