import { createHash } from 'node:crypto'
import { expect } from 'vitest'
import type { SubmissionEnvelope, SubmitResult } from '../../src/core/protocol.js'
import { setDeadline } from '../../src/server/services/set-deadline.js'
import { fireSafetyEnvelope, passingAnswers } from './envelopes.js'
import { bearer, startServer, type Dialect, type TestServer } from './harness.js'
import { tinyPng } from './images.js'
import { canteenEnvelope, myopiaEnvelope } from './report-envelopes.js'

/**
 * A district with reports whose totals are worked out by hand in the tests:
 *
 * myopia-screening 2026-T1 (district-1 deadline 2026-03-15 23:59 北京时间; clock ends 2026-03-20):
 *   school-1 500/480/120 on 03-10, corrected to 500/480/96 on 03-20 → on time, corrected
 *   school-2 800/800/200 on 03-18 → late;  school-3, 4, 5 → missing
 *   school-6 (district-2) 300/300/150 → never in district-1's figures
 * myopia-screening 2025-T2: school-1 500/480/144, school-2 800/800/240
 * fire-safety: school-1 fails `extinguishers` with a high hazard due 2026-03-12 and one photo;
 *   school-2 passes everything, with remarks "=1+1" (a formula Excel must not run from the CSV)
 * canteen-grading: school-1 A on 2025-10-10 (2025-T2), then C on 2026-03-05 (2026-T1) → a downgrade;
 *   school-2 every item passes on 2026-03-06 → A, first grading
 */
/** 30 of 100 points failed → 70 % → grade C (C from 60, B from 75). */
const failingForC: readonly string[] = ['purchaseRecords', 'disinfection', 'samples']

export type BureauFixture = {
  readonly server: TestServer
  readonly clock: { now: Date }
  readonly photo: string
  readonly ids: { readonly fireSchool1: string; readonly fireSchool2: string; readonly myopiaFirst: string; readonly myopiaCorrection: string }
}

async function submit(server: TestServer, token: string, envelope: SubmissionEnvelope): Promise<void> {
  const response = await server.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: bearer(token), payload: { submissions: [envelope] } })
  const result = (response.json().results as SubmitResult[])[0]
  expect(result?.status, JSON.stringify(result)).toBe('accepted')
}

export async function startBureauFixture(dialect: Dialect): Promise<BureauFixture> {
  const clock = { now: new Date('2025-11-20T02:00:00Z') }
  // Sign-ins outlive the months the clock jumps over.
  // Photo links in exports start from the configured address (never from a request's Host).
  const server = await startServer(dialect, { sessionDays: 3650, publicUrl: 'https://report.example.cn' }, { now: () => clock.now })
  const school1 = await server.login('school1', 'school123')
  const school2 = await server.login('school2', 'school123')
  const admin = await server.login('admin', 'admin123')
  const at = (iso: string) => {
    clock.now = new Date(iso)
  }

  await submit(server, school1, myopiaEnvelope({ enrolled: 500, screened: 480, myopic: 144 }, { period: '2025-T2' }))
  await submit(server, school2, myopiaEnvelope({ enrolled: 800, screened: 800, myopic: 240 }, { period: '2025-T2', schoolId: 'school-2' }))
  await submit(server, school1, canteenEnvelope({ checkDate: '2025-10-10' }))

  at('2026-03-01T00:00:00Z')
  await setDeadline(server.db, { districtId: 'district-1', formId: 'myopia-screening', period: '2026-T1', dueAt: '2026-03-15T23:59:59+08:00' }, null, clock.now)

  const png = tinyPng(200, 30, 30)
  const photo = createHash('sha256').update(png).digest('hex')
  const put = await server.app.inject({ method: 'PUT', url: `/api/v1/attachments/${photo}`, headers: { ...bearer(school1), 'content-type': 'image/png' }, payload: png })
  expect(put.statusCode).toBe(201)

  at('2026-03-02T01:00:00Z')
  const fireSchool1 = fireSafetyEnvelope({
    answers: {
      ...passingAnswers(),
      extinguishers: {
        result: 'fail',
        note: '二楼走廊灭火器过期',
        photos: [photo],
        hazard: { description: '二楼灭火器压力不足且已过期', severity: 'high', deadline: '2026-03-12', responsible: '李主任' },
      },
    },
    attachments: [photo],
  })
  await submit(server, school1, fireSchool1)
  const fireSchool2 = fireSafetyEnvelope({ schoolId: 'school-2', answers: { ...passingAnswers(), remarks: '=1+1' } })
  await submit(server, school2, fireSchool2)

  at('2026-03-05T03:00:00Z')
  await submit(server, school1, canteenEnvelope({ checkDate: '2026-03-05', fail: failingForC }))
  await submit(server, school2, canteenEnvelope({ checkDate: '2026-03-06' }, { schoolId: 'school-2' }))

  at('2026-03-10T02:00:00Z')
  const myopiaFirst = myopiaEnvelope({ enrolled: 500, screened: 480, myopic: 120 })
  await submit(server, school1, myopiaFirst)
  at('2026-03-18T02:00:00Z')
  await submit(server, school2, myopiaEnvelope({ enrolled: 800, screened: 800, myopic: 200 }, { schoolId: 'school-2' }))
  await submit(server, admin, myopiaEnvelope({ enrolled: 300, screened: 300, myopic: 150 }, { schoolId: 'school-6' }))
  at('2026-03-20T02:00:00Z')
  const myopiaCorrection = myopiaEnvelope({ enrolled: 500, screened: 480, myopic: 96 })
  await submit(server, school1, myopiaCorrection)

  return { server, clock, photo, ids: { fireSchool1: fireSchool1.id, fireSchool2: fireSchool2.id, myopiaFirst: myopiaFirst.id, myopiaCorrection: myopiaCorrection.id } }
}

