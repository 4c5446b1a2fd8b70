import { describe, expect, it } from 'vitest'
import { fireSafety } from '../../../../src/core/forms/index.js'
import type { FormTemplate } from '../../../../src/core/forms/types.js'
import { describeTemplateChanges } from '../../../../src/core/xlsform/template-diff.js'

describe('describeTemplateChanges', () => {
  it('names a preset hazard level set on a question', () => {
    const next: FormTemplate = {
      ...fireSafety,
      version: 2,
      sections: fireSafety.sections.map((section) => ({ ...section, fields: section.fields.map((field) => (field.id === 'exits' && field.type === 'check' ? { ...field, hazardLevel: 'high' as const } : field)) })),
    }
    expect(describeTemplateChanges(fireSafety, next).map((change) => change.text.zh)).toEqual([`题目 exits（${fireSafety.sections[1]!.fields[0]!.label.zh}）改了：隐患等级`])
  })
})
