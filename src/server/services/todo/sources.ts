import { reportSource } from './report-source.js'
import { reminderSource } from './reminder-source.js'
import type { TodoSource } from './source.js'

/**
 * Every source of the 待办, one line each: a new kind of work (returned reports, emergencies) is
 * a new file in this folder and a new line here.
 */
export const todoSources: readonly TodoSource[] = [
  reportSource,
  reminderSource,
]
