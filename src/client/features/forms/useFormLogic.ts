import { computed } from 'vue'
import type { Answers } from '../../../core/forms/types.js'
import { walkForm, type FormWalk, type WalkedField } from '../../../core/forms/walkForm.js'
import type { useDraft } from './useDraft.js'

const empty: FormWalk = { sections: [], fields: [], repeats: [] }

/**
 * The form's logic on the draft as it is typed: which sections and items are shown, what each
 * calculation gives. The same core walk the server validates with, recomputed on every answer.
 */
export function useFormLogic(draft: Pick<ReturnType<typeof useDraft>, 'template' | 'answers'>) {
  // A plain deep copy, as useSurvey takes: the walk reads keys with Object.hasOwn, which Vue's
  // reactivity does not track, so an answer added later would not re-run the walk on the proxy.
  const walk = computed<FormWalk>(() => (draft.template.value ? walkForm(draft.template.value, JSON.parse(JSON.stringify(draft.answers)) as Answers) : empty))
  const items = computed(() => new Map<string, WalkedField>(walk.value.fields.map((item) => [item.path, item])))
  const sections = computed(() => new Map(walk.value.sections.map((entry) => [entry.section.id, entry.shown])))
  return { walk, items, sectionShown: (id: string) => sections.value.get(id) ?? true }
}
