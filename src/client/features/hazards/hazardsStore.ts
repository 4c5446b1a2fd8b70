import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { Hazard } from '../../../core/protocol.js'
import { stores } from '../../appServices.js'

/** Hazards as last pulled into IndexedDB meta: the school works its list offline from the last sync. */
export const useHazardsStore = defineStore('hazards', () => {
  const hazards = shallowRef<readonly Hazard[]>([])

  async function reload(): Promise<void> {
    hazards.value = (await stores.meta.getItem<Hazard[]>('hazards')) ?? []
  }

  function find(id: string): Hazard | undefined {
    return hazards.value.find((hazard) => hazard.id === id)
  }

  /** Keeps a hazard the server just returned (after a verification) until the next pull. */
  async function remember(hazard: Hazard): Promise<void> {
    const next = hazards.value.some((known) => known.id === hazard.id)
      ? hazards.value.map((known) => (known.id === hazard.id ? hazard : known))
      : [...hazards.value, hazard]
    hazards.value = next
    await stores.meta.setItem('hazards', JSON.parse(JSON.stringify(next)) as Hazard[])
  }

  return { hazards, reload, find, remember }
})
