import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/core/digest.js'
import { fireSafety, trafficSafety } from '../../src/core/forms/index.js'
import { pledgeTextHash, pledgeVersionId } from '../../src/core/pledges.js'
import type { Database } from '../../src/server/db/schema.js'
import * as templateOwners from '../../src/server/db/migrations/0008-template-owners.js'
import { recordAudit } from '../../src/server/services/record-audit.js'
import { dialects, startServer, type TestServer } from './harness.js'

const at = new Date('2026-01-05T02:00:00.000Z')

/** A form row as the bureau's workspace stored it before migration 0008. */
function formRow(id: string, version: number, publishedBy: string | null) {
  const template = { ...fireSafety, id, version }
  return { id, version, kind: template.kind, title_zh: template.title.zh, template: canonicalJson(template), active: 1, published_at: at.toISOString(), published_by: publishedBy }
}

describe.each(dialects)('migration 0008: who owns the templates already published (%s)', (dialect) => {
  let server: TestServer
  let db: Kysely<Database>
  const owners = async (table: 'forms' | 'pledge_versions', column: 'id' | 'pledge_id', id: string) =>
    (await db.selectFrom(table).select('owner_district_id').where(column, '=', id).execute()).map((row) => row.owner_district_id)

  beforeAll(async () => {
    server = await startServer(dialect)
    db = server.db
    // Back to the tables as they were, with what the old server stored, then forward again.
    await templateOwners.down(db as unknown as Kysely<unknown>)
    const old = db as unknown as Kysely<{ forms: ReturnType<typeof formRow>; pledge_versions: Record<string, unknown> }>
    await old.insertInto('forms').values([
      formRow('bureau2-form', 1, 'user-bureau2'),
      formRow('bureau2-form', 2, 'user-admin'),
      formRow('admin-form', 1, 'user-admin'),
      // An earlier cross-district publish over a built-in: the id stays global (its first version is).
      { ...formRow('traffic-safety', 2, 'user-bureau2'), template: canonicalJson({ ...trafficSafety, version: 2 }), kind: trafficSafety.kind },
      // No publisher recorded on the row, but the audit log says district 1's bureau published it.
      formRow('audited-form', 1, null),
    ]).execute()
    const bureau = { id: 'user-bureau', username: 'bureau', displayName: 'b', role: 'bureau', schoolId: null, districtId: 'district-1' } as const
    await recordAudit(db, { action: 'form_published', at, actor: bureau, subjectId: 'audited-form@1' })
    for (const [pledgeId, version] of [['district-pledge', 1], ['district-pledge', 2], ['admin-pledge', 1]] as const) {
      const content = { pledgeId, version, year: 2026, audience: 'principal', title: { zh: '甲', en: 'A' }, text: { zh: `乙 ${version}`, en: 'B' } } as const
      await old.insertInto('pledge_versions').values({
        id: pledgeVersionId(pledgeId, version), pledge_id: pledgeId, version, year: 2026, audience: 'principal', title_zh: '甲', title_en: 'A',
        text_zh: content.text.zh, text_en: 'B', text_hash: await pledgeTextHash(content), due_date: '2026-12-31', published_at: at.toISOString(),
      }).execute()
    }
    await recordAudit(db, { action: 'pledge_published', at, actor: bureau, subjectId: 'district-pledge-v1' })
    await recordAudit(db, { action: 'pledge_published', at, actor: { ...bureau, id: 'user-admin', role: 'admin', districtId: null }, subjectId: 'admin-pledge-v1' })
    await templateOwners.up(db as unknown as Kysely<unknown>)
  })
  afterAll(() => server.close())

  it('a form id is its first version’s bureau’s district on every version; built-ins and the admin’s are global', async () => {
    expect(await owners('forms', 'id', 'bureau2-form')).toEqual(['district-2', 'district-2'])
    expect(await owners('forms', 'id', 'admin-form')).toEqual([null])
    expect(await owners('forms', 'id', 'fire-safety')).toEqual([null])
    expect(await owners('forms', 'id', 'traffic-safety')).toEqual([null, null])
    expect(await owners('forms', 'id', 'audited-form')).toEqual(['district-1'])
  })

  it('a pledge id is the district whose bureau published its first version, by the audit log; the demo’s and the admin’s are global', async () => {
    expect(await owners('pledge_versions', 'pledge_id', 'district-pledge')).toEqual(['district-1', 'district-1'])
    expect(await owners('pledge_versions', 'pledge_id', 'admin-pledge')).toEqual([null])
    expect(await owners('pledge_versions', 'pledge_id', `safe-campus-${new Date().getFullYear()}`)).toEqual([null])
  })

  it('keeps every row it found', async () => {
    expect((await db.selectFrom('forms').select('id').where('id', 'in', ['bureau2-form', 'admin-form', 'audited-form']).execute())).toHaveLength(4)
    expect((await db.selectFrom('pledge_versions').select('id').where('pledge_id', 'in', ['district-pledge', 'admin-pledge']).execute())).toHaveLength(3)
  })
})
