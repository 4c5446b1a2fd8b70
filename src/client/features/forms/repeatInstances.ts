import type { RepeatInstance, Section } from '../../../core/forms/types.js'

/** Edits of a repeat's list of instances on the phone, as new arrays (the draft's autosave sees each). */
export function addInstance(list: readonly RepeatInstance[], section: Section): RepeatInstance[] {
  const max = section.repeat?.max
  return max !== undefined && list.length >= max ? [...list] : [...list, {}]
}

export function removeInstance(list: readonly RepeatInstance[], index: number): RepeatInstance[] {
  return list.filter((_, at) => at !== index)
}

export function moveInstance(list: readonly RepeatInstance[], index: number, by: -1 | 1): RepeatInstance[] {
  const to = index + by
  if (to < 0 || to >= list.length) return [...list]
  const next = [...list]
  const [moved] = next.splice(index, 1)
  if (moved !== undefined) next.splice(to, 0, moved)
  return next
}

/** A draft's repeat answer as a list of instances, whatever an older draft holds there. */
export function instancesOf(value: unknown): RepeatInstance[] {
  return Array.isArray(value) ? value.filter((entry): entry is RepeatInstance => typeof entry === 'object' && entry !== null && !Array.isArray(entry)) : []
}
