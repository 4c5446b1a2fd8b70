import { describe, expect, it } from 'vitest'
import type { FormTemplate } from '../../../../src/core/forms/types.js'
import { groupForms } from '../../../../src/client/features/forms/groupForms.js'

const form = (id: string, kind: FormTemplate['kind'], zh: string, en: string): FormTemplate => ({
  id,
  version: 1,
  kind,
  title: { zh, en },
  sections: [],
})

const forms = [
  form('survey-a', 'survey', '在校生人数统计', 'Enrolment'),
  form('water', 'inspection', '饮用水安全检查', 'Drinking water'),
  form('pledge', 'pledge', '责任书签署', 'Pledge signing'),
  form('fire', 'inspection', '消防安全自查', 'Fire safety'),
  form('rectify', 'rectification', '隐患整改反馈', 'Rectification'),
  form('canteen', 'canteen', '学校食堂等级评定', 'Canteen grading'),
]

describe('groupForms', () => {
  it('groups inspections, canteen and surveys in that order', () => {
    expect(groupForms(forms, 'zh-CN').map((group) => group.kind)).toEqual(['inspection', 'canteen', 'survey'])
  })

  it('leaves out pledges and rectifications, which start from their own screens', () => {
    const ids = groupForms(forms, 'zh-CN').flatMap((group) => group.forms.map((item) => item.id))
    expect(ids).not.toContain('pledge')
    expect(ids).not.toContain('rectify')
    expect(ids).toHaveLength(4)
  })

  it('sorts titles in the reader\'s language', () => {
    expect(groupForms(forms, 'en')[0]?.forms.map((item) => item.id)).toEqual(['water', 'fire'])
  })

  it('drops a kind with no forms', () => {
    expect(groupForms([forms[1] as FormTemplate], 'zh-CN').map((group) => group.kind)).toEqual(['inspection'])
  })
})
