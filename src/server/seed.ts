import type { Kysely } from 'kysely'
import { checkTemplate, defaultTemplates, type FormTemplate } from '../core/forms/index.js'
import type { Role } from '../core/protocol.js'
import { hashPassword } from './auth/passwords.js'
import type { Database } from './db/schema.js'
import { changedShape, storeFormVersion } from './services/publish-form.js'
import { seedDemoDeadlines } from './seed-deadlines.js'
import { publishDemoPledges } from './demo-pledges/publishDemoPledges.js'

/**
 * Publishes every built-in template version newer than what the database holds; runs at each
 * start so new versions ship. Through the bureau's publish path (storeFormVersion), so a new
 * built-in version retires the previous one instead of standing beside it. Built-ins are global
 * (owner null): every district's schools file them, only an admin versions them; a version an
 * admin published above the built-in one is left alone.
 */
export async function publishDefaultForms(db: Kysely<Database>, now: Date = new Date(), templates: readonly FormTemplate[] = defaultTemplates): Promise<number> {
  let published = 0
  for (const template of templates) {
    const problems = checkTemplate(template)
    if (problems.length > 0) throw new Error(`built-in form ${template.id}@${template.version}: ${problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}`)
    const stored = await db.transaction().execute(async (trx) => {
      const newest = await trx.selectFrom('forms').select(['version', 'template']).where('id', '=', template.id).orderBy('version', 'desc').executeTakeFirst()
      if (newest && newest.version >= template.version) return false
      const problem = newest ? changedShape(JSON.parse(newest.template) as FormTemplate, template) : null
      if (problem) throw new Error(`built-in form ${template.id}@${template.version}: ${problem}`)
      return (await storeFormVersion(trx, template, { owner: null, publishedBy: null, now })) !== null
    })
    if (stored) published += 1
  }
  return published
}

export type DemoAccount = {
  readonly username: string
  readonly password: string
  readonly displayName: string
  readonly role: Role
  readonly schoolId: string | null
  readonly districtId: string | null
}

const districts = [
  { id: 'district-1', name: '示范区教育局' },
  { id: 'district-2', name: '临江县教育局' },
]

const schools = [
  { id: 'school-1', district_id: 'district-1', name: '示范区第一小学', kind: 'primary', township: '城关镇' },
  { id: 'school-2', district_id: 'district-1', name: '示范区实验初级中学', kind: 'junior_middle', township: '城关镇' },
  { id: 'school-3', district_id: 'district-1', name: '河口镇中心幼儿园', kind: 'kindergarten', township: '河口镇' },
  { id: 'school-4', district_id: 'district-1', name: '青山九年一贯制学校', kind: 'nine_year', township: '青山乡' },
  { id: 'school-5', district_id: 'district-1', name: '示范区第一高级中学', kind: 'senior_high', township: '城关镇' },
  { id: 'school-6', district_id: 'district-2', name: '临江县第二小学', kind: 'primary', township: '江口镇' },
]

export const demoAccounts: readonly DemoAccount[] = [
  { username: 'bureau', password: 'bureau123', displayName: '区教育局管理员', role: 'bureau', schoolId: null, districtId: 'district-1' },
  { username: 'inspector', password: 'inspector123', displayName: '区教育局督查员', role: 'inspector', schoolId: null, districtId: 'district-1' },
  { username: 'school1', password: 'school123', displayName: '第一小学安全员', role: 'staff', schoolId: 'school-1', districtId: 'district-1' },
  { username: 'principal1', password: 'principal123', displayName: '第一小学校长', role: 'principal', schoolId: 'school-1', districtId: 'district-1' },
  { username: 'school2', password: 'school123', displayName: '实验初中安全员', role: 'staff', schoolId: 'school-2', districtId: 'district-1' },
  { username: 'bureau2', password: 'bureau123', displayName: '临江县教育局管理员', role: 'bureau', schoolId: null, districtId: 'district-2' },
  { username: 'admin', password: 'admin123', displayName: '系统管理员', role: 'admin', schoolId: null, districtId: null },
]

/** Whether the demo seed is in this database (main prints the accounts only then). */
export async function hasDemoSeed(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('id', '=', 'user-bureau').executeTakeFirst()
  return row !== undefined
}

/** Demo district, schools and users of every role, only into an empty users table. Returns whether it seeded. */
export async function seedDemo(db: Kysely<Database>, now: Date = new Date()): Promise<boolean> {
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  if (anyUser) return false
  const hashes = await Promise.all(demoAccounts.map((account) => hashPassword(account.password)))
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('districts').values(districts).execute()
    await trx.insertInto('schools').values(schools).execute()
    await trx
      .insertInto('users')
      .values(
        demoAccounts.map((account, index) => ({
          id: `user-${account.username}`,
          username: account.username,
          display_name: account.displayName,
          role: account.role,
          school_id: account.schoolId,
          district_id: account.districtId,
          password_hash: hashes[index] ?? '',
          disabled: 0,
          created_at: now.toISOString(),
        })),
      )
      .execute()
  })
  await publishDefaultForms(db, now)
  await seedDemoDeadlines(db, now, districts.map((district) => district.id))
  await publishDemoPledges(db, now)
  return true
}
