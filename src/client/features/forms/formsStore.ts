import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { FormTemplate } from '../../../core/forms/types.js'
import type { School } from '../../../core/protocol.js'
import { stores } from '../../appServices.js'
import { findInArchive, readArchive, type FormArchive } from '../../offline/formArchive.js'

/** Templates and schools as last pulled from the server: what the app works from offline. */
export const useFormsStore = defineStore('forms', () => {
  // Shallow: templates and schools are replaced whole, never edited in place, and a deep proxy
  // over every field of every template is work a slow phone pays on each render of the list.
  const forms = shallowRef<readonly FormTemplate[]>([])
  const schools = shallowRef<readonly School[]>([])
  const loaded = ref(false)
  const archive = shallowRef<FormArchive>({})

  async function reload(): Promise<void> {
    // The three reads go out together; the list renders as soon as the templates are in.
    const reads = [stores.meta.getItem<School[]>('schools'), readArchive(stores)] as const
    forms.value = (await stores.meta.getItem<FormTemplate[]>('forms')) ?? []
    schools.value = (await reads[0]) ?? []
    archive.value = await reads[1]
    loaded.value = true
  }

  let first: Promise<void> | undefined
  /** The first read, shared: main.ts starts it at boot so the list has its templates when it mounts. */
  function load(): Promise<void> {
    // A failed read is not kept: the next caller (the list mounting) tries again.
    first ??= reload().catch((error: unknown) => {
      first = undefined
      throw error
    })
    return first
  }

  function find(formId: string, version: number): FormTemplate | undefined {
    // A draft filled against a version the server has since retired still opens from the archive.
    return forms.value.find((form) => form.id === formId && form.version === version) ?? findInArchive(archive.value, formId, version)
  }

  function schoolName(schoolId: string): string {
    return schools.value.find((school) => school.id === schoolId)?.name ?? schoolId
  }

  return { forms, schools, loaded, load, reload, find, schoolName }
})
