import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { FormTemplate } from '../../../core/forms/types.js'
import type { FormsResponse, School, SchoolsResponse } from '../../../core/protocol.js'
import { useAuthStore } from '../auth/authStore.js'
import { apiGet } from './bureauApi.js'

/** The forms and schools the workspace names things with, fetched online once per visit. */
export const useBureauStore = defineStore('bureau', () => {
  const auth = useAuthStore()
  const forms = ref<readonly FormTemplate[]>([])
  const schools = ref<readonly School[]>([])
  let loading: Promise<void> | null = null

  async function load(force = false): Promise<void> {
    if (loading && !force) return loading
    loading = (async () => {
      if (!auth.token) return
      const [formsResult, schoolsResult] = await Promise.all([apiGet<FormsResponse>(auth.token, '/forms'), apiGet<SchoolsResponse>(auth.token, '/schools')])
      if (formsResult.kind === 'ok') forms.value = formsResult.value.forms
      if (schoolsResult.kind === 'ok') schools.value = schoolsResult.value.schools
    })()
    return loading
  }

  const periodicForms = computed(() => forms.value.filter((form) => form.period !== undefined))
  const townships = computed(() => [...new Set(schools.value.map((school) => school.township).filter((value): value is string => value !== null))].sort())

  function form(formId: string, version?: number): FormTemplate | undefined {
    const matching = forms.value.filter((candidate) => candidate.id === formId)
    return version === undefined ? matching.at(-1) : matching.find((candidate) => candidate.version === version)
  }

  // Looked up once per row of a table: a search of 2,000 schools for each of 2,000 rows adds up.
  const schoolsById = computed(() => new Map(schools.value.map((candidate) => [candidate.id, candidate])))
  function school(schoolId: string): School | undefined {
    return schoolsById.value.get(schoolId)
  }

  return { forms, schools, periodicForms, townships, load, form, school }
})
