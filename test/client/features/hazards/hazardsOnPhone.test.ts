import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { stores } from '../../../../src/client/appServices.js'
import { withHazardsOnPhone } from '../../../../src/client/features/hazards/hazardsOnPhone.js'
import { useHazardsStore } from '../../../../src/client/features/hazards/hazardsStore.js'
import { useOutboxStore } from '../../../../src/client/features/outbox/outboxStore.js'
import { enqueueSubmission, type OutboxRecord } from '../../../../src/client/offline/outbox.js'
import { createDraft } from '../../../../src/client/offline/createDraft.js'
import { fireSafety } from '../../../../src/core/forms/fire-safety.js'
import type { Answers } from '../../../../src/core/forms/types.js'
import { hazardId } from '../../../../src/core/hazards.js'
import type { Hazard } from '../../../../src/core/protocol.js'
import { passingFireSafetyAnswers } from '../../../unit/core/fire-safety-answers.js'

const blockedExit = { description: '东侧安全出口被杂物堵塞', severity: 'high', deadline: '2026-12-15', responsible: ' 总务处 ' } as const
const answers = { ...passingFireSafetyAnswers(), exits: { result: 'fail', hazard: blockedExit } } as Answers

function record(state: OutboxRecord['state'], id = 'report-1'): OutboxRecord {
  return {
    id, formId: 'fire-safety', formVersion: fireSafety.version, schoolId: 'school-1', answers, attachments: [],
    startedAt: '2026-12-02T01:00:00.000Z', completedAt: '2026-12-02T01:05:00.000Z', deviceId: 'd', state,
    attempts: 0, nextAttemptAt: 0, updatedAt: '2026-12-02T01:05:00.000Z', userId: 'u',
  }
}
const templateOf = (formId: string, version: number) => (formId === fireSafety.id && version === fireSafety.version ? fireSafety : undefined)

describe('hazards found by reports still on the phone', () => {
  it('a queued or sending report\'s hazard shows as open, on the phone, under the id the server will give it', () => {
    for (const state of ['queued', 'sending'] as const) {
      expect(withHazardsOnPhone([], [record(state)], templateOf)).toEqual([
        expect.objectContaining({
          id: hazardId('report-1', 'exits'), status: 'open', onPhone: true, schoolId: 'school-1', submissionId: 'report-1',
          description: blockedExit.description, severity: 'high', deadline: '2026-12-15', responsible: '总务处',
        }),
      ])
    }
  })

  it('a draft, a refused report and a delivered one add nothing; the server\'s copy wins once pulled', () => {
    expect(withHazardsOnPhone([], ['draft', 'rejected', 'sent'].map((state) => record(state as OutboxRecord['state'])), templateOf)).toEqual([])
    const pulled = { id: hazardId('report-1', 'exits'), status: 'rectified' } as Hazard
    expect(withHazardsOnPhone([pulled], [record('queued')], templateOf)).toEqual([pulled])
  })

  it('an open hazard whose rectification was delivered after the last pull reads rectified; a reopening after it wins', () => {
    const hazard = { id: 'report-0:wiring', status: 'open', updatedAt: '2026-12-02T01:00:00.000Z' } as Hazard
    const rectification: OutboxRecord = {
      ...record('sent', 'rect-1'), formId: 'hazard-rectification', subjectId: hazard.id, answers: {},
      receipt: { id: 'rect-1', status: 'accepted', receivedAt: '2026-12-02T02:00:00.000Z', digest: 'd' },
    }
    expect(withHazardsOnPhone([hazard], [rectification], templateOf)).toEqual([{ ...hazard, status: 'rectified' }])
    const reopened = { ...hazard, updatedAt: '2026-12-02T03:00:00.000Z' }
    expect(withHazardsOnPhone([reopened], [rectification], templateOf)).toEqual([reopened])
    // Not yet delivered: still open (the list says a rectification waits instead).
    const { receipt: _receipt, ...waiting } = rectification
    expect(withHazardsOnPhone([hazard], [{ ...waiting, state: 'queued' }], templateOf)).toEqual([hazard])
  })

  it('the hazards store lists a hazard registered offline at once', async () => {
    setActivePinia(createPinia())
    await stores.meta.setItem('forms', [fireSafety])
    await stores.meta.setItem('hazards', [])
    const draft = await createDraft(stores, { formId: 'fire-safety', formVersion: fireSafety.version, schoolId: 'school-1', deviceId: 'd', userId: 'u', answers })
    expect((await enqueueSubmission(stores, draft.id)).kind).toBe('queued')
    const hazards = useHazardsStore()
    await Promise.all([useOutboxStore().refresh(), hazards.reload()])
    expect(hazards.find(hazardId(draft.id, 'exits'))).toMatchObject({ status: 'open', onPhone: true })
  })
})
