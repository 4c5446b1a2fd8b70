import type { Field, FormKind, FormTemplate, Rule, ValidationIssue } from '../../../src/core/index.js'
import { validateAnswers } from '../../../src/core/index.js'

export const HASH_A = 'a'.repeat(64)
export const HASH_B = 'b'.repeat(64)
export const HASH_C = 'c'.repeat(64)

export function templateOf(fields: Field[], options: { kind?: FormKind; rules?: Rule[] } = {}): FormTemplate {
  return {
    id: 'test-form',
    version: 1,
    kind: options.kind ?? 'survey',
    title: { zh: '测试', en: 'Test' },
    sections: [{ id: 'main', title: { zh: '主要', en: 'Main' }, fields }],
    ...(options.rules ? { rules: options.rules } : {}),
  }
}

export function label(en: string): { zh: string; en: string } {
  return { zh: `中文${en}`, en }
}

/** The codes reported for one field, in order. */
export function codesOf(issues: ValidationIssue[], fieldId = 'f'): string[] {
  return issues.filter((issue) => issue.fieldId === fieldId).map((issue) => issue.code)
}

export function validateOne(field: Omit<Field, 'id' | 'label'> & Partial<Field>, value: unknown, kind?: FormKind): string[] {
  const template = templateOf([{ id: 'f', label: label('Field'), ...field } as Field], kind ? { kind } : {})
  return codesOf(validateAnswers(template, value === undefined ? {} : { f: value }))
}
