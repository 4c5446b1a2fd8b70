import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import FieldInput from '../../../../src/client/features/forms/FieldInput.vue'
import { fieldInputs } from '../../../../src/client/features/forms/inputs/fieldInputs.js'
import { i18n } from '../../../../src/client/i18n/index.js'
import { fieldTypes, type Field, type FieldType } from '../../../../src/core/forms/index.js'

const label = { zh: '题目', en: 'Item' }
const samples: Record<FieldType, Field> = {
  check: { id: 'f', type: 'check', label },
  integer: { id: 'f', type: 'integer', label },
  number: { id: 'f', type: 'number', label },
  text: { id: 'f', type: 'text', label },
  choice: { id: 'f', type: 'choice', label, options: [{ value: 'a', label: { zh: '甲', en: 'A' } }] },
  multi: { id: 'f', type: 'multi', label, options: [{ value: 'a', label: { zh: '甲', en: 'A' } }] },
  date: { id: 'f', type: 'date', label },
  photo: { id: 'f', type: 'photo', label },
  signature: { id: 'f', type: 'signature', label },
  location: { id: 'f', type: 'location', label },
  calculate: { id: 'f', type: 'calculate', label, expression: 1 },
}

const mountField = (field: Field, modelValue?: unknown) =>
  mount(FieldInput, { props: { field, modelValue: modelValue as never, defaultDeadline: '2026-12-01' }, global: { plugins: [i18n] } })

describe('FieldInput', () => {
  it('has an input for every field type the core registry knows, and renders each with its label', () => {
    expect(Object.keys(fieldInputs).sort()).toEqual(Object.keys(fieldTypes).sort())
    for (const field of Object.values(samples)) {
      const wrapper = mountField(field)
      expect(wrapper.text(), field.type).toContain('题目')
      wrapper.unmount()
    }
  })

  it('shows a calculation read-only, with its value', () => {
    const wrapper = mountField(samples.calculate, 2.5)
    expect(wrapper.get('input').attributes('readonly')).toBeDefined()
    expect((wrapper.get('input').element as HTMLInputElement).value).toBe('2.5')
  })

  it('keeps help folded until asked for, then shows it', async () => {
    const wrapper = mountField({ ...samples.text, help: { zh: '按行驶证填写', en: 'As on the licence' } } as Field)
    expect(wrapper.find('[data-testid="field-help"]').exists()).toBe(false)
    await wrapper.get('.help__toggle').trigger('click')
    expect(wrapper.get('[data-testid="field-help"]').text()).toBe('按行驶证填写')
    const check = mountField({ ...samples.check, help: { zh: '查看灭火器压力表', en: 'Read the gauge' } } as Field)
    await check.get('.help__toggle').trigger('click')
    expect(check.get('[data-testid="field-help"]').text()).toBe('查看灭火器压力表')
  })
})
