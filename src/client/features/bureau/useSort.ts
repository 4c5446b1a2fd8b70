import { computed, ref, type Ref } from 'vue'

/** Rows sorted by a chosen key; choosing the same key again flips the order. */
export function useSort<T, K extends string>(rows: () => readonly T[], keys: Record<K, (row: T) => string | number>, initial: K) {
  const key = ref(initial) as Ref<K>
  const ascending = ref(true)
  const sorted = computed(() => {
    const pick = keys[key.value]
    const direction = ascending.value ? 1 : -1
    return [...rows()].sort((a, b) => {
      const x = pick(a)
      const y = pick(b)
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * direction
    })
  })
  function sortBy(next: K): void {
    if (key.value === next) ascending.value = !ascending.value
    else {
      key.value = next
      ascending.value = true
    }
  }
  const mark = (name: K) => (key.value === name ? (ascending.value ? ' ▲' : ' ▼') : '')
  return { sorted, sortBy, mark }
}
