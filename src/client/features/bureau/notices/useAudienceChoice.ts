import { computed, ref } from 'vue'
import { EVERY_SCHOOL, type Audience } from '../../../../core/audience.js'
import { useAuthStore } from '../../auth/authStore.js'
import { useBureauStore } from '../bureauStore.js'

/**
 * Who a notice or campaign goes to: the schools chosen (every school to begin with) in a district,
 * the bureau's own (the server takes it from the account) or the one an admin chooses among the
 * districts of the schools it sees.
 */
export function useAudienceChoice() {
  const auth = useAuthStore()
  const bureau = useBureauStore()
  const audience = ref<Audience>(EVERY_SCHOOL)
  const chosen = ref<string | null>(null)
  const isAdmin = computed(() => auth.user?.role === 'admin')
  const districts = computed(() => [...new Set(bureau.schools.map((school) => school.districtId))].sort())
  const districtId = computed(() => (isAdmin.value ? (chosen.value ?? districts.value[0] ?? null) : (auth.user?.districtId ?? null)))
  /** What the request names: the audience, and an admin's district (nothing more for a bureau). */
  const requestFields = () => ({ audience: audience.value, ...(isAdmin.value && districtId.value !== null ? { districtId: districtId.value } : {}) })
  /** After a send: every school again, for the next one. */
  const reset = () => void (audience.value = EVERY_SCHOOL)
  return { audience, isAdmin, districts, chosen, districtId, requestFields, reset }
}

export type AudienceChoice = ReturnType<typeof useAudienceChoice>
