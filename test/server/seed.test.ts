import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultTemplates } from '../../src/core/forms/index.js'
import type { ScheduleRule } from '../../src/core/schedules.js'
import { publishDefaultForms, seedDemo } from '../../src/server/seed.js'
import { districtSchools, previewRule } from '../../src/server/services/schedules/list-schedules.js'
import { checkRuleForDistrict } from '../../src/server/services/schedules/save-schedule.js'
import { dialects, startServer, type TestServer } from './harness.js'

describe.each(dialects)('the demo seed (%s)', (dialect) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer(dialect)
  })
  afterAll(() => server.close())

  it('creates two districts, six schools and a user of every role', async () => {
    const schools = await server.db.selectFrom('schools').select(['id', 'district_id']).orderBy('id').execute()
    expect(schools.filter((school) => school.district_id === 'district-1')).toHaveLength(5)
    expect(schools.filter((school) => school.district_id === 'district-2').map((school) => school.id)).toEqual(['school-6'])
    const roles = new Set((await server.db.selectFrom('users').select('role').execute()).map((user) => user.role))
    expect([...roles].sort()).toEqual(['admin', 'bureau', 'inspector', 'principal', 'staff'])
  })

  it('stores passwords as argon2id hashes', async () => {
    const user = await server.db.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow()
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  })

  it('does nothing when users already exist', async () => {
    expect(await seedDemo(server.db)).toBe(false)
    expect(await server.db.selectFrom('users').select('id').execute()).toHaveLength(7)
  })

  it('publishes the built-in forms and the demo pledges as global, for every district', async () => {
    const forms = await server.db.selectFrom('forms').select('owner_district_id').execute()
    expect(forms.length).toBe(defaultTemplates.length)
    expect(forms.every((form) => form.owner_district_id === null)).toBe(true)
    const pledges = await server.db.selectFrom('pledge_versions').select('owner_district_id').execute()
    expect(pledges.length).toBeGreaterThan(0)
    expect(pledges.every((pledge) => pledge.owner_district_id === null)).toBe(true)
  })

  it('schedules what each kind of school owes, every rule one the bureau could have saved', async () => {
    const versions = await server.db.selectFrom('schedule_versions').selectAll().orderBy('district_id').execute()
    expect(versions.length).toBeGreaterThan(40)
    const previews: Record<string, string[]> = {}
    for (const version of versions) {
      const rule = JSON.parse(version.rule) as ScheduleRule
      await expect(checkRuleForDistrict(server.db, version.district_id, rule)).resolves.toEqual(rule)
      // Who it would expect in a summer week of a fixed year: the seed itself is saved at the real time.
      const preview = previewRule(rule, await districtSchools(server.db, version.district_id), new Date('2027-05-20T00:00:00+08:00'))
      ;(previews[`${version.district_id} ${rule.formId}`] ??= []).push(`${preview.schools}/${preview.notApplicable}`)
    }
    expect(previews['district-1 physical-health']).toEqual(['4/1'])
    expect(previews['district-1 fire-safety']).toEqual(['5/0'])
    // 防溺水: the rural nine-year school of 青山乡 only; district 2's primary school in 江口镇.
    expect(previews['district-1 drowning-prevention']).toEqual(['1/4'])
    expect(previews['district-2 drowning-prevention']).toEqual(['1/0'])
    expect(previews['district-1 pledge-signing']).toEqual(['5/0', '5/0'])
  })

  it('publishing the default forms again adds no second copy', async () => {
    expect(await publishDefaultForms(server.db)).toBe(0)
    expect(await server.db.selectFrom('forms').select('id').execute()).toHaveLength(defaultTemplates.length)
  })
})
