import { computed, ref } from 'vue'
import { useAuthStore } from '../../auth/authStore.js'
import { useBureauStore } from '../bureauStore.js'

/**
 * The district a notice or campaign goes to: a bureau's own (the server takes it from the
 * account), or the one an admin chooses among the districts of the schools it sees.
 */
export function useDistrictChoice() {
  const auth = useAuthStore()
  const bureau = useBureauStore()
  const chosen = ref<string | null>(null)
  const isAdmin = computed(() => auth.user?.role === 'admin')
  const districts = computed(() => [...new Set(bureau.schools.map((school) => school.districtId))].sort())
  const districtId = computed(() => (isAdmin.value ? (chosen.value ?? districts.value[0] ?? null) : (auth.user?.districtId ?? null)))
  /** What the request names: an admin's choice, nothing for a bureau. */
  const requestField = () => (isAdmin.value && districtId.value !== null ? { districtId: districtId.value } : {})
  return { isAdmin, districts, chosen, districtId, requestField }
}
