import type { FormKind, FormTemplate } from '../../../core/forms/types.js'
import { pickText, type Locale } from '../../../core/text.js'

export type FormGroup = { readonly kind: FormKind; readonly forms: readonly FormTemplate[] }

// Pledges are signed on their own screen and rectifications start from a hazard: neither is
// begun from the list of forms.
const listedKinds: readonly FormKind[] = ['inspection', 'canteen', 'survey']

/** The forms a person starts from the home screen, grouped by kind and sorted by title. */
export function groupForms(forms: readonly FormTemplate[], locale: Locale): FormGroup[] {
  return listedKinds
    .map((kind) => ({
      kind,
      forms: forms
        .filter((form) => form.kind === kind)
        .sort((a, b) => pickText(a.title, locale).localeCompare(pickText(b.title, locale), locale)),
    }))
    .filter((group) => group.forms.length > 0)
}
