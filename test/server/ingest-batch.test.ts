import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { digestOf } from '../../src/core/digest.js'
import { pledgeVersionId } from '../../src/core/pledges.js'
import type { PledgesResponse, SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { sha256, tinyPng } from './images.js'
import { canteenEnvelope } from './report-envelopes.js'

const foodSafety = pledgeVersionId(`food-safety-${new Date().getFullYear()}`, 1)

function rectification(hazardId: string): SubmissionEnvelope {
  return {
    id: uuidv7(),
    formId: 'hazard-rectification',
    formVersion: 1,
    schoolId: 'school-1',
    subjectId: hazardId,
    answers: { measures: '已更换灭火器', rectifiedBy: '总务处 李主任', rectifiedOn: '2026-03-05' },
    attachments: [],
    startedAt: '2026-03-05T08:00:00.000Z',
    completedAt: '2026-03-05T08:10:00.000Z',
    deviceId: 'device-test-1',
  }
}

/** A row trigger on submissions in either dialect: it plays what another transaction would do at that moment. */
function submissionsTrigger(dialect: string, timing: 'before' | 'after', when: string, action: string): { create: string[]; drop: string[] } {
  if (dialect === 'sqlite') {
    return {
      create: [`create trigger racing ${timing} insert on submissions when ${when} begin ${action}; end`],
      drop: ['drop trigger racing'],
    }
  }
  return {
    create: [
      `create function racing() returns trigger language plpgsql as $$ begin ${action}; return new; end $$`,
      `create trigger racing ${timing} insert on submissions for each row when (${when}) execute function racing()`,
    ],
    drop: ['drop trigger racing on submissions', 'drop function racing()'],
  }
}

describe.each(dialects)('a batch of submissions in one transaction (%s)', (dialect) => {
  let server: TestServer
  let school1: string
  let principal1: string
  let colour = 1

  beforeAll(async () => {
    server = await startServer(dialect)
    school1 = await server.login('school1', 'school123')
    principal1 = await server.login('principal1', 'principal123')
  })
  afterAll(() => server.close())

  const post = (token: string, submissions: readonly SubmissionEnvelope[]) =>
    server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(token), payload: { submissions } })

  async function submit(token: string, submissions: readonly SubmissionEnvelope[]): Promise<SubmitResult[]> {
    const response = await post(token, submissions)
    expect(response.statusCode).toBe(200)
    return response.json().results as SubmitResult[]
  }

  async function withTrigger(trigger: { create: string[]; drop: string[] }, run: () => Promise<void>): Promise<void> {
    for (const statement of trigger.create) await sql.raw(statement).execute(server.db)
    try {
      await run()
    } finally {
      for (const statement of trigger.drop) await sql.raw(statement).execute(server.db)
    }
  }

  const statuses = (results: readonly SubmitResult[]) => results.map((result) => result.status)

  async function storedIds(envelopes: readonly SubmissionEnvelope[]): Promise<string[]> {
    const rows = await server.db.selectFrom('submissions').select('id').where('id', 'in', envelopes.map((envelope) => envelope.id)).execute()
    return rows.map((row) => row.id).sort()
  }

  async function uploadPhoto(token: string): Promise<string> {
    const png = tinyPng(colour++, 30, 60)
    const response = await server.app.inject({
      method: 'PUT',
      url: `/api/v1/attachments/${sha256(png)}`,
      headers: { ...bearer(token), 'content-type': 'image/png' },
      payload: png,
    })
    expect(response.statusCode).toBe(201)
    return sha256(png)
  }

  /** Files an inspection with a failed extinguisher check and returns the open hazard it made. */
  async function openHazard(): Promise<string> {
    const photo = await uploadPhoto(school1)
    const inspection = fireSafetyEnvelope({
      answers: {
        ...passingAnswers(),
        extinguishers: { result: 'fail', photos: [photo], hazard: { description: '灭火器过期', severity: 'high', deadline: '2026-03-10' } },
      },
      attachments: [photo],
    })
    expect(statuses(await submit(school1, [inspection]))).toEqual(['accepted'])
    return `${inspection.id}:extinguishers`
  }

  async function pledgeSigning(deviceId: string): Promise<SubmissionEnvelope> {
    const list = await server.app.inject({ method: 'GET', url: '/api/v1/pledges', headers: bearer(principal1) })
    const textHash = (list.json() as PledgesResponse).pledges.find((pledge) => pledge.id === foodSafety)?.textHash ?? ''
    const signature = await uploadPhoto(principal1)
    return {
      id: uuidv7(),
      formId: 'pledge-signing',
      formVersion: 1,
      schoolId: 'school-1',
      subjectId: foodSafety,
      answers: { signerName: '李校长', textHash, signature },
      attachments: [signature],
      startedAt: '2026-02-20T01:00:00.000Z',
      completedAt: '2026-02-20T01:05:00.000Z',
      deviceId,
    }
  }

  it('a second signing of a pledge signed earlier in the same batch is answered with the first receipt, and the reports around it are stored', async () => {
    const before = fireSafetyEnvelope()
    const first = await pledgeSigning('phone-a')
    const second = await pledgeSigning('phone-b')
    const after = fireSafetyEnvelope()
    const results = await submit(principal1, [before, first, second, after])
    expect(statuses(results)).toEqual(['accepted', 'accepted', 'duplicate', 'accepted'])
    expect(results[2]).toMatchObject({ id: second.id, digest: await digestOf(first) })
    expect(await storedIds([before, first, second, after])).toEqual([before.id, first.id, after.id].sort())
    const signatures = await server.db.selectFrom('pledge_signatures').select('id').where('version_id', '=', foodSafety).execute()
    expect(signatures.map((row) => row.id)).toEqual([first.id])
  })

  it('a rectification of a hazard rectified earlier in the same batch is refused alone', async () => {
    const hazardId = await openHazard()
    const first = rectification(hazardId)
    const second = rectification(hazardId)
    const report = fireSafetyEnvelope()
    const results = await submit(school1, [first, second, report])
    expect(statuses(results)).toEqual(['accepted', 'rejected', 'accepted'])
    expect(results[1]).toMatchObject({ error: { code: 'validation_failed', details: { issues: [{ code: 'hazardNotOpen' }] } } })
    expect(await storedIds([first, second, report])).toEqual([first.id, report.id].sort())
  })

  it('a rectification that loses its race while being written rolls back to its savepoint: its row is gone, the batch is kept', async () => {
    const hazardId = await openHazard()
    const before = fireSafetyEnvelope()
    const losing = rectification(hazardId)
    const after = fireSafetyEnvelope()
    // As a verification racing in would: the hazard moves on the moment the rectification's row is written.
    const closeHazard = submissionsTrigger(dialect, 'after', "new.form_id = 'hazard-rectification'", 'update hazards set status = \'closed\' where id = new.subject_id')
    await withTrigger(closeHazard, async () => {
      const results = await submit(school1, [before, losing, after])
      expect(statuses(results)).toEqual(['accepted', 'rejected', 'accepted'])
      expect(results[1]).toMatchObject({ error: { details: { issues: [{ code: 'hazardNotOpen' }] } } })
    })
    expect(await storedIds([before, losing, after])).toEqual([before.id, after.id].sort())
    // What the trigger wrote inside the savepoint went with it.
    const hazard = await server.db.selectFrom('hazards').select('status').where('id', '=', hazardId).executeTakeFirstOrThrow()
    expect(hazard.status).toBe('open')
    const events = await server.db.selectFrom('hazard_events').select('kind').where('hazard_id', '=', hazardId).execute()
    expect(events.map((event) => event.kind)).toEqual(['found'])
  })

  it('a rectification of a hazard that an inspection earlier in the same batch found is accepted', async () => {
    const photo = await uploadPhoto(school1)
    const inspection = fireSafetyEnvelope({
      answers: { ...passingAnswers(), wiring: { result: 'fail', photos: [photo], hazard: { description: '电线老化', severity: 'medium', deadline: '2026-03-12' } } },
      attachments: [photo],
    })
    const fix = rectification(`${inspection.id}:wiring`)
    const results = await submit(school1, [fireSafetyEnvelope(), inspection, fix])
    expect(statuses(results)).toEqual(['accepted', 'accepted', 'accepted'])
    const hazard = await server.db.selectFrom('hazards').select('status').where('id', '=', `${inspection.id}:wiring`).executeTakeFirstOrThrow()
    expect(hazard.status).toBe('rectified')
  })

  it('a report that another transaction stores between the batch\'s read and its insert is answered from the stored row; the others are stored', async () => {
    const before = fireSafetyEnvelope()
    const racing = fireSafetyEnvelope({ deviceId: 'racing-phone' })
    const after = fireSafetyEnvelope()
    const storeFirst = submissionsTrigger(
      dialect,
      'before',
      "new.device_id = 'racing-phone'",
      `insert into submissions (id, form_id, form_version, school_id, user_id, device_id, body, digest, started_at, completed_at, received_at)
       values (new.id, new.form_id, new.form_version, new.school_id, new.user_id, 'first-phone', new.body, new.digest, new.started_at, new.completed_at, '2026-01-01T00:00:00.000Z')`,
    )
    await withTrigger(storeFirst, async () => {
      const results = await submit(school1, [before, racing, after])
      expect(statuses(results)).toEqual(['accepted', 'duplicate', 'accepted'])
      expect(results[1]).toEqual({ id: racing.id, status: 'duplicate', receivedAt: '2026-01-01T00:00:00.000Z', digest: await digestOf(racing) })
    })
    expect(await storedIds([before, racing, after])).toEqual([before.id, racing.id, after.id].sort())
    const row = await server.db.selectFrom('submissions').select('device_id').where('id', '=', racing.id).executeTakeFirstOrThrow()
    expect(row.device_id).toBe('first-phone')
  })

  it('the receipt digest is core\'s digest of the envelope whatever its characters (the server hashes with node:crypto)', async () => {
    const envelope = fireSafetyEnvelope({ answers: { ...passingAnswers(), inspector: '𠮷田 王老师 😀 \ud800 "引号"' } })
    const [result] = await submit(school1, [envelope])
    expect(result).toMatchObject({ status: 'accepted', digest: await digestOf(envelope) })
  })

  it('the same id twice in one batch is accepted then a duplicate with the same receipt, and a different body under it is a conflict; one row each', async () => {
    const twice = fireSafetyEnvelope()
    const taken = fireSafetyEnvelope()
    const other = { ...taken, deviceId: 'another-phone' }
    const results = await submit(school1, [twice, taken, twice, other])
    expect(statuses(results)).toEqual(['accepted', 'accepted', 'duplicate', 'conflict'])
    const [accepted, , duplicate] = results
    if (accepted?.status !== 'accepted') throw new Error('not accepted')
    expect(duplicate).toEqual({ id: twice.id, status: 'duplicate', receivedAt: accepted.receivedAt, digest: accepted.digest })
    const rows = await server.db.selectFrom('submissions').select(['id', 'digest']).where('id', 'in', [twice.id, taken.id]).execute()
    expect(rows).toHaveLength(2)
    expect(rows.find((row) => row.id === taken.id)?.digest).toBe(await digestOf(taken))
  })

  it('a database failure mid-batch keeps no row of the batch, and the resend stores every report exactly once', async () => {
    const batch = [fireSafetyEnvelope(), fireSafetyEnvelope(), canteenEnvelope(), fireSafetyEnvelope()]
    // The canteen report's derived grade has nowhere to go: its insert fails after two reports were written.
    await sql`alter table canteen_grades rename to canteen_grades_away`.execute(server.db)
    try {
      const failed = await post(school1, batch)
      expect(failed.statusCode).toBeGreaterThanOrEqual(500)
    } finally {
      await sql`alter table canteen_grades_away rename to canteen_grades`.execute(server.db)
    }
    expect(await storedIds(batch)).toEqual([])

    expect(statuses(await submit(school1, batch))).toEqual(['accepted', 'accepted', 'accepted', 'accepted'])
    expect(statuses(await submit(school1, batch))).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate'])
    expect(await storedIds(batch)).toEqual(batch.map((envelope) => envelope.id).sort())
    const grades = await server.db.selectFrom('canteen_grades').select('submission_id').where('submission_id', '=', batch[2]?.id ?? '').execute()
    expect(grades).toHaveLength(1)
  })
})
