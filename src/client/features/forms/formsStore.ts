import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { FormTemplate } from '../../../core/forms/types.js'
import type { School } from '../../../core/protocol.js'
import { stores } from '../../appServices.js'
import { findInArchive, readArchive, type FormArchive } from '../../offline/formArchive.js'

/** Templates and schools as last pulled from the server: what the app works from offline. */
export const useFormsStore = defineStore('forms', () => {
  const forms = ref<readonly FormTemplate[]>([])
  const schools = ref<readonly School[]>([])
  const loaded = ref(false)
  const archive = shallowRef<FormArchive>({})

  async function reload(): Promise<void> {
    forms.value = (await stores.meta.getItem<FormTemplate[]>('forms')) ?? []
    schools.value = (await stores.meta.getItem<School[]>('schools')) ?? []
    archive.value = await readArchive(stores)
    loaded.value = true
  }

  function find(formId: string, version: number): FormTemplate | undefined {
    // A draft filled against a version the server has since retired still opens from the archive.
    return forms.value.find((form) => form.id === formId && form.version === version) ?? findInArchive(archive.value, formId, version)
  }

  function schoolName(schoolId: string): string {
    return schools.value.find((school) => school.id === schoolId)?.name ?? schoolId
  }

  return { forms, schools, loaded, reload, find, schoolName }
})
