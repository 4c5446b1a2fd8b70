import type { FormTemplate } from '../../core/forms/types.js'
import type { Stores } from './storage.js'

const ARCHIVE_KEY = 'formArchive'

export type FormArchive = Readonly<Record<string, FormTemplate>>

const keyOf = (formId: string, version: number): string => `${formId}@${version}`

/**
 * Every template version this phone has ever pulled. The server stops listing a version once a
 * newer one is published, but a draft or a returned report filled against it must still open:
 * templates never change once published, so keeping them is always safe. Not cleared at
 * sign-out (templates are not personal data; the outbox they serve is kept too).
 */
export async function archiveTemplates(stores: Stores, forms: readonly FormTemplate[]): Promise<void> {
  const archive = { ...((await stores.meta.getItem<FormArchive>(ARCHIVE_KEY)) ?? {}) }
  let added = false
  for (const form of forms) {
    const key = keyOf(form.id, form.version)
    if (archive[key] === undefined) {
      archive[key] = form
      added = true
    }
  }
  if (added) await stores.meta.setItem(ARCHIVE_KEY, archive)
}

export async function readArchive(stores: Stores): Promise<FormArchive> {
  return (await stores.meta.getItem<FormArchive>(ARCHIVE_KEY)) ?? {}
}

export function findInArchive(archive: FormArchive, formId: string, version: number): FormTemplate | undefined {
  return archive[keyOf(formId, version)]
}
