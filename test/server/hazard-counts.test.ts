import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HazardBoard, HazardBoardPage, SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import * as hazardCounts from '../../src/server/db/migrations/0011-county-reads.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'

type CountRow = { school_id: string; form_id: string; status: string; severity: string; deadline: string; n: number }

describe.each(dialects)('the hazard board\'s counts table agrees with a fresh count (%s)', (dialect) => {
  let server: TestServer
  let school1: string
  let school2: string
  let bureau: string
  let colour = 1

  beforeAll(async () => {
    server = await startServer(dialect)
    school1 = await server.login('school1', 'school123')
    school2 = await server.login('school2', 'school123')
    bureau = await server.login('bureau', 'bureau123')
  })
  afterAll(() => server.close())

  /** Counted from every hazard, as the board did before the table existed. */
  async function freshCount(): Promise<CountRow[]> {
    const { rows } = await sql<CountRow>`select school_id, form_id, status, severity, case when status = 'open' then deadline else '' end as deadline, count(*) as n
      from hazards group by school_id, form_id, status, severity, case when status = 'open' then deadline else '' end`.execute(server.db)
    return normalise(rows)
  }

  async function kept(): Promise<CountRow[]> {
    return normalise(await server.db.selectFrom('hazard_counts').select(['school_id', 'form_id', 'status', 'severity', 'deadline', 'n']).execute())
  }

  function normalise(rows: readonly CountRow[]): CountRow[] {
    const key = (row: CountRow) => [row.school_id, row.form_id, row.status, row.severity, row.deadline].join(' ')
    return rows.map((row) => ({ ...row, n: Number(row.n) })).sort((a, b) => key(a).localeCompare(key(b)))
  }

  async function expectAgreement(): Promise<void> {
    const expected = await freshCount()
    expect(expected.length).toBeGreaterThan(0)
    expect(await kept()).toEqual(expected)
    // And the board, which reads the table, says what the hazards themselves say.
    const hazards = await server.db.selectFrom('hazards').select(['school_id', 'status', 'deadline']).where('district_id', '=', 'district-1').execute()
    const board = (await server.app.inject({ method: 'GET', url: '/api/v1/reports/hazard-board', headers: bearer(bureau) })).json() as HazardBoard
    const today = board.today
    const tally = (rows: typeof hazards) => ({
      open: rows.filter((row) => row.status === 'open').length,
      overdue: rows.filter((row) => row.status === 'open' && row.deadline < today).length,
      rectified: rows.filter((row) => row.status === 'rectified').length,
      closed: rows.filter((row) => row.status === 'closed').length,
    })
    expect(board.totals).toEqual(tally(hazards))
    for (const school of board.bySchool) expect(school).toMatchObject(tally(hazards.filter((row) => row.school_id === school.schoolId)))
    expect(board.bySchool.map((school) => school.schoolId).sort()).toEqual([...new Set(hazards.map((row) => row.school_id))].sort())
  }

  async function submit(token: string, submissions: readonly SubmissionEnvelope[]): Promise<SubmitResult[]> {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(token), payload: { submissions } })
    expect(response.statusCode, response.body).toBe(200)
    return (response.json() as { results: SubmitResult[] }).results
  }

  async function uploadPhoto(token: string): Promise<string> {
    const png = tinyPng(colour++, 30, 60)
    const response = await server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${sha256(png)}`, headers: { ...bearer(token), 'content-type': 'image/png' }, payload: png })
    expect(response.statusCode).toBe(201)
    return sha256(png)
  }

  /** A self-check failing two items (two hazards) for the school. */
  async function inspection(token: string, schoolId: string, deadline: string): Promise<SubmissionEnvelope> {
    const photo = await uploadPhoto(token)
    return fireSafetyEnvelope({
      schoolId,
      answers: {
        ...passingAnswers(),
        extinguishers: { result: 'fail', photos: [photo], hazard: { description: '灭火器过期', severity: 'high', deadline } },
        wiring: { result: 'fail', photos: [photo], hazard: { description: '电线老化', severity: 'low', deadline } },
      },
      attachments: [photo],
    })
  }

  function rectification(hazardId: string): SubmissionEnvelope {
    return {
      id: uuidv7(), formId: 'hazard-rectification', formVersion: 1, schoolId: 'school-1', subjectId: hazardId,
      answers: { measures: '已更换灭火器', rectifiedBy: '总务处 李主任', rectifiedOn: '2026-03-05' }, attachments: [],
      startedAt: '2026-03-05T08:00:00.000Z', completedAt: '2026-03-05T08:10:00.000Z', deviceId: 'device-test-1',
    }
  }

  const verify = (hazardId: string, payload: Record<string, string>) =>
    server.app.inject({ method: 'POST', url: `/api/v1/hazards/${encodeURIComponent(hazardId)}/verify`, headers: bearer(bureau), payload })

  let first: SubmissionEnvelope

  it('after ingest: hazards of two schools, two severities, the same deadline counted together', async () => {
    first = await inspection(school1, 'school-1', '2026-03-10')
    const second = await inspection(school1, 'school-1', '2026-03-10')
    const third = await inspection(school2, 'school-2', '2026-04-01')
    expect((await submit(school1, [first, second])).map((result) => result.status)).toEqual(['accepted', 'accepted'])
    expect((await submit(school2, [third])).map((result) => result.status)).toEqual(['accepted'])
    // A resend stores nothing and counts nothing.
    expect((await submit(school1, [first])).map((result) => result.status)).toEqual(['duplicate'])
    await expectAgreement()
    const open = (await kept()).find((row) => row.school_id === 'school-1' && row.severity === 'high')
    expect(open).toMatchObject({ status: 'open', deadline: '2026-03-10', n: 2 })
  })

  it('after a rectification, a close, a reopen with a new deadline and a close again', async () => {
    const hazardId = `${first.id}:extinguishers`
    expect((await submit(school1, [rectification(hazardId)])).map((result) => result.status)).toEqual(['accepted'])
    await expectAgreement()
    expect((await verify(hazardId, { action: 'reopen', reason: '仍未更换', deadline: '2026-05-01' })).statusCode).toBe(200)
    await expectAgreement()
    expect((await kept()).find((row) => row.deadline === '2026-05-01')).toMatchObject({ status: 'open', n: 1 })
    expect((await verify(hazardId, { action: 'close' })).statusCode).toBe(200)
    await expectAgreement()
    expect((await verify(`${first.id}:wiring`, { action: 'close' })).statusCode).toBe(200)
    await expectAgreement()
  })

  it('after a refused item whose writes rolled back to its savepoint, between two accepted ones', async () => {
    const target = await inspection(school1, 'school-1', '2026-03-20')
    expect((await submit(school1, [target])).map((result) => result.status)).toEqual(['accepted'])
    const hazardId = `${target.id}:extinguishers`
    // As a verification racing in would: the hazard is closed the moment the rectification's row is written.
    const statements = dialect === 'sqlite'
      ? { create: [`create trigger racing after insert on submissions when new.form_id = 'hazard-rectification' begin update hazards set status = 'closed' where id = new.subject_id; end`], drop: ['drop trigger racing'] }
      : {
          create: [
            `create function racing() returns trigger language plpgsql as $$ begin update hazards set status = 'closed' where id = new.subject_id; return new; end $$`,
            `create trigger racing after insert on submissions for each row when (new.form_id = 'hazard-rectification') execute function racing()`,
          ],
          drop: ['drop trigger racing on submissions', 'drop function racing()'],
        }
    for (const statement of statements.create) await sql.raw(statement).execute(server.db)
    try {
      const before = await inspection(school1, 'school-1', '2026-03-21')
      const after = await inspection(school1, 'school-1', '2026-03-22')
      const results = await submit(school1, [before, rectification(hazardId), after])
      expect(results.map((result) => result.status)).toEqual(['accepted', 'rejected', 'accepted'])
    } finally {
      for (const statement of statements.drop) await sql.raw(statement).execute(server.db)
    }
    const hazard = await server.db.selectFrom('hazards').select('status').where('id', '=', hazardId).executeTakeFirstOrThrow()
    expect(hazard.status).toBe('open')
    await expectAgreement()
  })

  it('the board\'s pages, open first then the rest by deadline, hold every hazard once in that order across the boundary', async () => {
    const hazards = await server.db.selectFrom('hazards').select(['id', 'status', 'deadline']).where('district_id', '=', 'district-1').execute()
    const key = (row: { status: string; deadline: string; id: string }) => `${row.status === 'open' ? 0 : 1} ${row.deadline} ${row.id}`
    const expected = hazards.sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((row) => row.id)
    expect(new Set(hazards.map((row) => row.status)).size).toBeGreaterThan(1)
    const seen: string[] = []
    for (let page = 1; page <= Math.ceil(expected.length / 3) + 1; page++) {
      const reply = (await server.app.inject({ method: 'GET', url: `/api/v1/reports/hazard-board/rows?pageSize=3&page=${page}`, headers: bearer(bureau) })).json() as HazardBoardPage
      expect(reply.total).toBe(expected.length)
      seen.push(...reply.rows.map((row) => row.id))
    }
    expect(seen).toEqual(expected)
  })

  it('the migration counts every hazard already stored', async () => {
    await hazardCounts.down(server.db as never)
    await hazardCounts.up(server.db as never)
    await expectAgreement()
    // And the triggers are back: the next hazard is counted too.
    expect((await submit(school2, [await inspection(school2, 'school-2', '2026-06-30')])).map((result) => result.status)).toEqual(['accepted'])
    await expectAgreement()
  })
})
