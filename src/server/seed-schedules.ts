import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { defaultTemplates } from '../core/forms/index.js'
import { PLEDGE_SIGNING_FORM_ID } from '../core/pledges.js'
import type { Audience, DueRule, Recurrence, ScheduleRule } from '../core/schedules.js'
import type { SchoolKind } from '../core/schoolKinds.js'
import type { Text } from '../core/text.js'
import type { Database } from './db/schema.js'

const ALL: readonly SchoolKind[] = []
const SCHOOLS_WITH_PUPILS: readonly SchoolKind[] = ['primary', 'junior_middle', 'nine_year', 'senior_high', 'vocational', 'special']
const PRIMARY_AND_SECONDARY: readonly SchoolKind[] = ['primary', 'junior_middle', 'nine_year', 'senior_high']
const WITH_LABS: readonly SchoolKind[] = ['junior_middle', 'nine_year', 'senior_high', 'vocational']

const monthlyBy5th = { recurrence: { kind: 'monthly' }, due: { kind: 'day_of_next_month', day: 5 } } as const
const termly = { recurrence: { kind: 'termly' }, due: { kind: 'days_after_end', days: 10 } } as const
const yearly = { recurrence: { kind: 'yearly' }, due: { kind: 'days_after_end', days: 15 } } as const

type DemoSchedule = {
  readonly formId: string
  readonly recurrence: Recurrence
  readonly due: DueRule
  readonly kinds: readonly SchoolKind[]
  /** Only the district's rural townships (防溺水, school buses). */
  readonly rural?: boolean
  readonly pledgeId?: string
  readonly title?: Text
}

/**
 * What a district of the demo expects, by form (DOMAIN.md §6): fire, food and security checks
 * monthly by the 5th; buildings, water, traffic and the rest per term; 防溺水 weekly from May to
 * September from rural primary and nine-year schools; every survey in its own period, physical
 * health from primary and secondary schools only; the principals' letters yearly by 31 March.
 */
const demoSchedules: readonly DemoSchedule[] = [
  { formId: 'fire-safety', ...monthlyBy5th, kinds: ALL },
  { formId: 'food-hygiene', ...monthlyBy5th, kinds: ALL },
  { formId: 'campus-security', ...monthlyBy5th, kinds: ALL },
  { formId: 'school-bus', ...monthlyBy5th, kinds: ['primary', 'nine_year', 'kindergarten'], rural: true },
  { formId: 'drowning-prevention', recurrence: { kind: 'weekly', months: { from: 5, to: 9 } }, due: { kind: 'days_after_end', days: 1 }, kinds: ['primary', 'nine_year'], rural: true },
  { formId: 'school-buildings', ...termly, kinds: ALL },
  { formId: 'drinking-water', ...termly, kinds: ALL },
  { formId: 'traffic-safety', ...termly, kinds: ALL },
  { formId: 'infectious-disease', ...termly, kinds: ALL },
  { formId: 'school-surroundings', ...termly, kinds: ALL },
  { formId: 'hazardous-materials', ...termly, kinds: WITH_LABS },
  { formId: 'psychological-crisis', ...termly, kinds: SCHOOLS_WITH_PUPILS },
  { formId: 'canteen-grading', ...termly, kinds: ALL },
  { formId: 'enrolment', ...termly, kinds: ALL },
  { formId: 'myopia-screening', ...termly, kinds: SCHOOLS_WITH_PUPILS },
  { formId: 'home-visits', ...termly, kinds: ALL },
  { formId: 'special-groups', ...termly, kinds: ALL },
  { formId: 'drills-education', ...termly, kinds: ALL },
  { formId: 'physical-health', ...yearly, kinds: PRIMARY_AND_SECONDARY },
  { formId: 'teacher-training', ...yearly, kinds: ALL },
  { formId: PLEDGE_SIGNING_FORM_ID, recurrence: { kind: 'yearly' }, due: { kind: 'days_after_start', days: 89 }, kinds: ALL, pledgeId: 'safe-campus', title: { zh: '平安校园目标管理责任书', en: 'Safe campus responsibility letter' } },
  { formId: PLEDGE_SIGNING_FORM_ID, recurrence: { kind: 'yearly' }, due: { kind: 'days_after_start', days: 89 }, kinds: ALL, pledgeId: 'food-safety', title: { zh: '学校食品安全责任书', en: 'School food safety letter' } },
]

/** The demo districts' rural townships (the seed's schools): where 防溺水 and the bus checks apply. */
const RURAL_TOWNSHIPS: Readonly<Record<string, readonly string[]>> = { 'district-1': ['河口镇', '青山乡'], 'district-2': ['江口镇'] }

/** Saves each demo schedule as its district's bureau would, effective from the seeding: periods that closed before it owed nothing. */
export async function seedDemoSchedules(db: Kysely<Database>, now: Date, districtIds: readonly string[]): Promise<void> {
  const titles = new Map(defaultTemplates.map((template) => [template.id, template.title]))
  for (const districtId of districtIds) {
    for (const demo of demoSchedules) {
      const title = demo.title ?? titles.get(demo.formId)
      if (!title) continue
      const audience: Audience = { kinds: [...demo.kinds], townships: demo.rural ? [...(RURAL_TOWNSHIPS[districtId] ?? [])] : [], schoolIds: [] }
      const rule: ScheduleRule = { formId: demo.formId, formVersion: null, ...(demo.pledgeId === undefined ? {} : { pledgeId: demo.pledgeId }), recurrence: demo.recurrence, due: demo.due, audience, validFrom: null, validTo: null }
      const id = `schedule-${uuidv7()}`
      await db.insertInto('schedules').values({ id, district_id: districtId, form_id: demo.formId, version: 1, retired: 0, created_at: now.toISOString(), created_by: null }).execute()
      await db.insertInto('schedule_versions').values({
        schedule_id: id, version: 1, district_id: districtId, form_id: demo.formId, title_zh: title.zh, title_en: title.en,
        rule: JSON.stringify(rule), retired: 0, effective_at: now.toISOString(), saved_by: null,
      }).execute()
    }
  }
}
