import { describe, expect, it } from 'vitest'
import { stores } from '../../../../src/client/appServices.js'
import { openDraftFor } from '../../../../src/client/features/todo/openDraftFor.js'
import { getRecord } from '../../../../src/client/offline/outbox.js'
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

  it('ignores a period that is no period and answers null for a form the phone does not hold', async () => {
    const id = await openDraftFor([fireSafety], 'fire-safety', 'someday', user, 'school-1')
    expect((id === null ? null : await getRecord(stores, id))?.period).toBeUndefined()
    expect(await openDraftFor([fireSafety], 'no-such-form', '2026-10', user, 'school-1')).toBeNull()
  })
})
