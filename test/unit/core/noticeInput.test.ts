import { describe, expect, it } from 'vitest'
import { checkCampaignInput, checkCloseCampaignInput, checkNoticeInput } from '../../../src/core/noticeInput.js'

describe('checkNoticeInput', () => {
  it('accepts a plain notice to every school and trims it', () => {
    expect(checkNoticeInput({ title: ' 通知 ', body: '正文', audience: {} })).toEqual({
      ok: true,
      value: { kind: 'notice', title: '通知', body: '正文', bodyFormat: 'text', audience: { kinds: [], townships: [], schoolIds: [] } },
    })
  })
  it('names every problem in Chinese and English', () => {
    const checked = checkNoticeInput({ kind: 'memo', title: '', body: 'x', bodyFormat: 'html', audience: { kinds: ['castle'] } })
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.issues.map((issue) => issue.field)).toEqual(['kind', 'title', 'bodyFormat', 'audience'])
    for (const issue of checked.issues) expect(issue.message.zh && issue.message.en).toBeTruthy()
  })
  it('refuses a missing body', () => {
    expect(checkNoticeInput(null).ok).toBe(false)
  })
})

describe('checkCampaignInput', () => {
  const good = { title: '专项检查', instructions: '部署', formId: 'school-buildings', audience: {}, opensOn: '2026-05-06', closesOn: '2026-05-10' }
  it('accepts a window of real days, with no fixed version', () => {
    expect(checkCampaignInput(good)).toMatchObject({ ok: true, value: { formVersion: null, instructionsFormat: 'text' } })
  })
  it('refuses impossible dates, a reversed or year-long window and a bad version', () => {
    for (const change of [{ opensOn: '2026-02-30' }, { closesOn: '2026-05-01' }, { closesOn: '2027-06-01' }, { formVersion: 0 }, { formVersion: 1.5 }, { formId: '../x' }]) {
      expect(checkCampaignInput({ ...good, ...change }).ok, JSON.stringify(change)).toBe(false)
    }
  })
})

describe('checkCloseCampaignInput', () => {
  it('needs a title and a body for the 通报', () => {
    expect(checkCloseCampaignInput({ title: '通报', body: '情况' }).ok).toBe(true)
    expect(checkCloseCampaignInput({ title: '通报' }).ok).toBe(false)
  })
})
