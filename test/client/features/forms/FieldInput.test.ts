import { flushPromises, mount } from '@vue/test-utils'
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

// Loaded once up front so the async signature input's import resolves within a tick.
await import('../../../../src/client/features/forms/inputs/SignatureInput.vue')

describe('FieldInput', () => {
  it('has an input for every field type the core registry knows, and renders each with its label', async () => {
    expect(Object.keys(fieldInputs).sort()).toEqual(Object.keys(fieldTypes).sort())
    for (const field of Object.values(samples)) {
      const wrapper = mountField(field)
      // The signature pad loads on demand (an async component): the loader resolves, then it renders.
      await flushPromises()
      await flushPromises()
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

  it('picks one option of a choice field as a string, with radios', async () => {
    const field: Field = { id: 'boarders', type: 'choice', label, options: [{ value: 'yes', label: { zh: '是', en: 'Yes' } }, { value: 'no', label: { zh: '否', en: 'No' } }] }
    const wrapper = mountField(field, 'yes')
    expect(wrapper.get('[data-field="boarders"]').findAll('.van-radio.choice')).toHaveLength(2)
    expect(wrapper.find('.van-checkbox').exists()).toBe(false)
    expect(wrapper.get('.van-radio__icon--checked').element.closest('.van-radio')?.textContent).toContain('是')
    await wrapper.findAll('.van-radio')[1]?.trigger('click')
    expect(wrapper.emitted('update:modelValue')).toEqual([['no']])
  })

  it('picks any number of options of a multi field as an array, with square checkboxes', async () => {
    const field: Field = { id: 'kinds', type: 'multi', label, options: [{ value: 'a', label: { zh: '甲', en: 'A' } }, { value: 'b', label: { zh: '乙', en: 'B' } }] }
    const wrapper = mountField(field, ['a'])
    expect(wrapper.get('[data-field="kinds"]').findAll('.van-checkbox.choice')).toHaveLength(2)
    expect(wrapper.findAll('.van-checkbox__icon--square')).toHaveLength(2)
    expect(wrapper.find('.van-radio').exists()).toBe(false)
    await wrapper.findAll('.van-checkbox')[1]?.trigger('click')
    expect(wrapper.emitted('update:modelValue')).toEqual([[['a', 'b']]])
  })
})
