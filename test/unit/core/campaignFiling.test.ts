import { describe, expect, it } from 'vitest'
import { campaignFilingIssue, isChecklistKind } from '../../../src/core/campaignFiling.js'
import { isFinalRefusal } from '../../../src/core/finalRefusal.js'

describe('filing a report for a campaign', () => {
  const report = { formId: 'fire-safety', formVersion: 2 }

  it('a report of the campaign\'s checklist may be filed for it, of any version unless the campaign fixes one', () => {
    expect(campaignFilingIssue({ formId: 'fire-safety', formVersion: null }, report)).toBeNull()
    expect(campaignFilingIssue({ formId: 'fire-safety', formVersion: 2 }, report)).toBeNull()
  })

  it('another form, or another version than the fixed one, is refused as not the campaign\'s checklist', () => {
    expect(campaignFilingIssue({ formId: 'school-buildings', formVersion: null }, report)).toBe('campaignFormMismatch')
    expect(campaignFilingIssue({ formId: 'fire-safety', formVersion: 1 }, report)).toBe('campaignFormMismatch')
  })

  it('a campaign the school was not sent is unknown', () => {
    expect(campaignFilingIssue(undefined, report)).toBe('campaignUnknown')
  })

  it('both refusals are final: no edit of the report changes its form or its campaign', () => {
    expect(isFinalRefusal({ code: 'validation_failed', issues: [{ code: 'campaignFormMismatch' }] })).toBe(true)
  })

  it('checklists are inspections, canteen gradings and surveys, not pledges, rectifications or receipts', () => {
    expect(['inspection', 'canteen', 'survey', 'pledge', 'rectification', 'receipt'].map((kind) => isChecklistKind(kind as never))).toEqual([true, true, true, false, false, false])
  })
})
