import { campaignSource } from './campaign-source.js'
import { hazardSource } from './hazard-source.js'
import { noticeSource } from './notice-source.js'
import { pledgeSource } from './pledge-source.js'
import { reminderSource } from './reminder-source.js'
import { reportSource } from './report-source.js'
import type { TodoSource } from './source.js'

/**
 * Every source of the 待办, one line each: a new kind of work (returned reports, emergencies) is
 * a new file in this folder and a new line here.
 */
export const todoSources: readonly TodoSource[] = [
  reportSource,
  hazardSource,
  pledgeSource,
  noticeSource,
  campaignSource,
  reminderSource,
]
