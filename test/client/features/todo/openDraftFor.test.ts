import { describe, expect, it } from 'vitest'
import { stores } from '../../../../src/client/appServices.js'
import { openDraftFor } from '../../../../src/client/features/todo/openDraftFor.js'
import { getRecord, toEnvelope } from '../../../../src/client/offline/outbox.js'
import { fireSafety } from '../../../../src/core/forms/fire-safety.js'
import type { User } from '../../../../src/core/protocol.js'

const user: User = { id: `u-${Date.now()}`, username: 'school1', displayName: '王老师', role: 'staff', schoolId: 'school-1', districtId: 'district-1' }

describe('opening the draft a 待办 report asks for', () => {
  it('starts a draft for the form and the period the item names, prefilled as the form list does', async () => {
    const id = await openDraftFor([fireSafety], 'fire-safety', '2026-10', user, 'school-1')
    const record = id === null ? null : await getRecord(stores, id)
    expect(record).toMatchObject({ formId: 'fire-safety', period: '2026-10', schoolId: 'school-1', state: 'draft', answers: { checkType: 'self', inspector: '王老师' } })
  })

  it('reopens the draft already begun for that form and period instead of a second one', async () => {
    const first = await openDraftFor([fireSafety], 'fire-safety', '2026-09', user, 'school-1')
    const again = await openDraftFor([fireSafety], 'fire-safety', '2026-09', user, 'school-1')
    expect(again).toBe(first)
    expect(await openDraftFor([fireSafety], 'fire-safety', '2026-08', user, 'school-1')).not.toBe(first)
  })

  it('opened from a campaign, the draft carries the campaign as its subject into the outbox and the envelope', async () => {
    const id = await openDraftFor([fireSafety], 'fire-safety', '2026-07', user, 'school-1', 'campaign-1')
    const record = id === null ? null : await getRecord(stores, id)
    expect(record).toMatchObject({ formId: 'fire-safety', period: '2026-07', subjectId: 'campaign-1', state: 'draft' })
    expect(record === null ? null : toEnvelope({ ...record, completedAt: '2026-07-02T08:00:00.000Z' })).toMatchObject({ formId: 'fire-safety', subjectId: 'campaign-1' })
  })

  it('reopens the campaign\'s own draft, and never a plain draft of the form or another campaign\'s for it', async () => {
    const plain = await openDraftFor([fireSafety], 'fire-safety', '2026-06', user, 'school-1')
    const forCampaign = await openDraftFor([fireSafety], 'fire-safety', '2026-06', user, 'school-1', 'campaign-2')
    expect(forCampaign).not.toBe(plain)
    expect(await openDraftFor([fireSafety], 'fire-safety', '2026-06', user, 'school-1', 'campaign-2')).toBe(forCampaign)
    expect(await openDraftFor([fireSafety], 'fire-safety', '2026-06', user, 'school-1', 'campaign-3')).not.toBe(forCampaign)
    expect(await openDraftFor([fireSafety], 'fire-safety', '2026-06', user, 'school-1')).toBe(plain)
    expect((plain === null ? null : await getRecord(stores, plain))?.subjectId).toBeUndefined()
  })

  it('for a campaign pulled to the phone, starts on the version it fixes, and on no form it does not take', async () => {
    const newer = { ...fireSafety, version: 2 }
    await stores.meta.setItem('campaigns', [
      { id: 'campaign-fixed', formId: 'fire-safety', formVersion: 1 },
      { id: 'campaign-buildings', formId: 'school-buildings', formVersion: null },
    ])
    try {
      const id = await openDraftFor([fireSafety, newer], 'fire-safety', '2026-05', user, 'school-1', 'campaign-fixed')
      expect((id === null ? null : await getRecord(stores, id))?.formVersion).toBe(1)
      const plain = await openDraftFor([fireSafety, newer], 'fire-safety', '2026-05', user, 'school-1')
      expect((plain === null ? null : await getRecord(stores, plain))?.formVersion).toBe(2)
      expect(await openDraftFor([fireSafety, newer], 'fire-safety', '2026-05', user, 'school-1', 'campaign-buildings')).toBeNull()
    } finally {
      await stores.meta.removeItem('campaigns')
    }
  })

  it('ignores a period that is no period and answers null for a form the phone does not hold', async () => {
    const id = await openDraftFor([fireSafety], 'fire-safety', 'someday', user, 'school-1')
    expect((id === null ? null : await getRecord(stores, id))?.period).toBeUndefined()
    expect(await openDraftFor([fireSafety], 'no-such-form', '2026-10', user, 'school-1')).toBeNull()
  })
})
