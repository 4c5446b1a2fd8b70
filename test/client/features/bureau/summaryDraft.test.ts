import { describe, expect, it } from 'vitest'
import { summaryDraft } from '../../../../src/client/features/bureau/notices/summaryDraft.js'
import type { CampaignProgressResponse } from '../../../../src/core/noticeProtocol.js'

const row = (schoolName: string, filing: 'on_time' | 'late' | 'missing' | 'not_due') => ({ schoolId: schoolName, schoolName, acknowledgedAt: null, acknowledgedBy: null, filing, firstReceivedAt: null, submissionId: null })

describe('summaryDraft', () => {
  it('states the figures and names the late and missing schools', () => {
    const progress = {
      campaign: { title: '汛期前校舍安全专项检查', opensOn: '2026-05-06', closesOn: '2026-05-20' },
      schools: [row('一小', 'on_time'), row('二中', 'late'), row('幼儿园', 'missing')],
      totals: { targets: 3, acknowledged: 2, on_time: 1, late: 1, missing: 1, not_due: 0 },
    } as unknown as CampaignProgressResponse
    const draft = summaryDraft(progress)
    expect(draft.title).toBe('关于汛期前校舍安全专项检查情况的通报')
    expect(draft.body).toContain('应检查学校 3 所，已阅 2 所，按时上报 1 所，逾期上报 1 所，未上报 1 所。')
    expect(draft.body).toContain('逾期上报：二中。')
    expect(draft.body).toContain('未上报：幼儿园，')
  })
})
