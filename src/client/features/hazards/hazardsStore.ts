import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { Hazard } from '../../../core/protocol.js'
import { stores } from '../../appServices.js'
import { useFormsStore } from '../forms/formsStore.js'
import { useOutboxStore } from '../outbox/outboxStore.js'
import { withHazardsOnPhone, type ShownHazard } from './hazardsOnPhone.js'

/**
 * Hazards as last pulled into IndexedDB meta (the school works its list offline from the last
 * sync), plus those its reports found that are still on the phone: what was just registered
 * offline shows at once.
 */
export const useHazardsStore = defineStore('hazards', () => {
  const forms = useFormsStore()
  const outbox = useOutboxStore()
  const pulled = shallowRef<readonly Hazard[]>([])
  const hazards = computed<readonly ShownHazard[]>(() => withHazardsOnPhone(pulled.value, outbox.records, forms.find))

  async function reload(): Promise<void> {
    // The templates say which answers are hazards: the list is not complete without them.
    const [list] = await Promise.all([stores.meta.getItem<Hazard[]>('hazards'), forms.load()])
    pulled.value = list ?? []
  }

  function find(id: string): ShownHazard | undefined {
    return hazards.value.find((hazard) => hazard.id === id)
  }

  /** Keeps a hazard the server just returned (after a verification) until the next pull. */
  async function remember(hazard: Hazard): Promise<void> {
    const next = pulled.value.some((known) => known.id === hazard.id)
      ? pulled.value.map((known) => (known.id === hazard.id ? hazard : known))
      : [...pulled.value, hazard]
    pulled.value = next
    await stores.meta.setItem('hazards', JSON.parse(JSON.stringify(next)) as Hazard[])
  }

  return { hazards, reload, find, remember }
})
