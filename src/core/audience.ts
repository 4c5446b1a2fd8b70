import { isSchoolKind, type SchoolKind } from './schoolKinds.js'

/**
 * Which schools a notice, campaign (or schedule) is for. Every list empty means every school of
 * the district. Kinds and townships narrow together (rural primary and nine-year schools =
 * kinds AND townships); explicit schools are added on top, whatever their kind or township.
 */
export type Audience = {
  readonly kinds: readonly SchoolKind[]
  readonly townships: readonly string[]
  readonly schoolIds: readonly string[]
}

/** The shape matching needs; a schedule's audience (kinds checked when it is saved) fits it too. */
export type AudienceFilter = {
  readonly kinds: readonly string[]
  readonly townships: readonly string[]
  readonly schoolIds: readonly string[]
}

/** What a school must show to be matched against an audience. */
export type AudienceSchool = { readonly id: string; readonly kind: string; readonly township: string | null }

export const EVERY_SCHOOL: Audience = { kinds: [], townships: [], schoolIds: [] }

export const MAX_AUDIENCE_ENTRIES = 500

export function isEveryone(audience: AudienceFilter): boolean {
  return audience.kinds.length === 0 && audience.townships.length === 0 && audience.schoolIds.length === 0
}

export function inAudience(audience: AudienceFilter, school: AudienceSchool): boolean {
  if (isEveryone(audience)) return true
  if (audience.schoolIds.includes(school.id)) return true
  const filtered = audience.kinds.length > 0 || audience.townships.length > 0
  if (!filtered) return false
  const kindFits = audience.kinds.length === 0 || audience.kinds.includes(school.kind)
  const townshipFits = audience.townships.length === 0 || (school.township !== null && audience.townships.includes(school.township))
  return kindFits && townshipFits
}

/** The ids of the schools an audience reaches, in the order given. */
export function resolveAudience(audience: Audience, schools: readonly AudienceSchool[]): string[] {
  return schools.filter((school) => inAudience(audience, school)).map((school) => school.id)
}

function stringList(value: unknown, max: number): string[] | null {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.length > MAX_AUDIENCE_ENTRIES) return null
  const out: string[] = []
  for (const item of value) {
    if (typeof item !== 'string') return null
    const trimmed = item.trim()
    if (trimmed === '' || trimmed.length > max) return null
    if (!out.includes(trimmed)) out.push(trimmed)
  }
  return out
}

/** An audience from untrusted input (a request body, stored JSON), or null when malformed. */
export function parseAudience(value: unknown): Audience | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const raw = value as Record<string, unknown>
  const kinds = stringList(raw['kinds'], 32)
  const townships = stringList(raw['townships'], 50)
  const schoolIds = stringList(raw['schoolIds'], 64)
  if (!kinds || !townships || !schoolIds || !kinds.every(isSchoolKind)) return null
  return { kinds: kinds as SchoolKind[], townships, schoolIds }
}
