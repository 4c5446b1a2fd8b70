import type { Text } from './text.js'

/** The school kinds a district has (DOMAIN.md), in the order a bureau lists them. */
export const SCHOOL_KINDS = ['kindergarten', 'primary', 'junior_middle', 'nine_year', 'senior_high', 'vocational', 'special'] as const

export type SchoolKind = (typeof SCHOOL_KINDS)[number]

export const schoolKindLabels: Readonly<Record<SchoolKind, Text>> = {
  kindergarten: { zh: '幼儿园', en: 'Kindergarten' },
  primary: { zh: '小学', en: 'Primary school' },
  junior_middle: { zh: '初中', en: 'Junior middle school' },
  nine_year: { zh: '九年一贯制学校', en: 'Nine-year school' },
  senior_high: { zh: '普通高中', en: 'Senior high school' },
  vocational: { zh: '职业中专', en: 'Vocational school' },
  special: { zh: '特殊教育学校', en: 'Special education school' },
}

export function isSchoolKind(value: unknown): value is SchoolKind {
  return typeof value === 'string' && (SCHOOL_KINDS as readonly string[]).includes(value)
}

/** A kind's label; an unknown kind (from an older list) shows as itself. */
export function schoolKindLabel(kind: string): Text {
  return isSchoolKind(kind) ? schoolKindLabels[kind] : { zh: kind, en: kind }
}
