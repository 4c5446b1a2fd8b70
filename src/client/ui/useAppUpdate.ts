import { ref } from 'vue'

const waiting = ref(false)
const dismissed = ref(false)
let activate: (() => void) | null = null

/** Shared state of a waiting service-worker update (one per page). */
export function useAppUpdate() {
  return {
    waiting,
    dismissed,
    offer(apply: () => void): void {
      activate = apply
      waiting.value = true
      dismissed.value = false
    },
    apply(): void {
      activate?.()
    },
  }
}
