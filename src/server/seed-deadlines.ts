import type { Kysely } from 'kysely'
import { addDays } from '../core/dates.js'
import { surveyTemplates } from '../core/forms/index.js'
import { periodOf } from '../core/periods.js'
import type { Database } from './db/schema.js'
import { setDeadline } from './services/set-deadline.js'

/** Days from seeding to each demo deadline; home visits are already overdue, so "missing" shows at once. */
const dueInDays: Readonly<Record<string, number>> = {
  'home-visits': -3,
  'myopia-screening': 14,
  enrolment: 30,
  'special-groups': 30,
  'drills-education': 60,
  'physical-health': 90,
  'teacher-training': 90,
}

/** The demo districts' deadlines for the current period of every survey, set as the bureau would. */
export async function seedDemoDeadlines(db: Kysely<Database>, now: Date, districtIds: readonly string[]): Promise<void> {
  for (const template of surveyTemplates) {
    const days = dueInDays[template.id]
    if (days === undefined || template.period === undefined) continue
    const dueAt = `${addDays(now, days)}T23:59:59+08:00`
    for (const districtId of districtIds) {
      await setDeadline(db, { districtId, formId: template.id, period: periodOf(now, template.period), dueAt }, null, now)
    }
  }
}
