import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { CheckAnswer, CheckField } from '../../../../src/core/forms/types.js'
import CheckItem from '../../../../src/client/features/forms/CheckItem.vue'
import { i18n } from '../../../../src/client/i18n/index.js'

const field: CheckField = { id: 'exits', type: 'check', required: true, points: 10, label: { zh: '安全出口畅通', en: 'Exits clear' } }

function mountItem(modelValue?: CheckAnswer, item: CheckField = field) {
  return mount(CheckItem, {
    props: { field: item, modelValue, defaultDeadline: '2026-12-01' },
    global: { plugins: [i18n] },
  })
}

function lastEmitted(wrapper: ReturnType<typeof mountItem>): CheckAnswer | undefined {
  const events = wrapper.emitted('update:modelValue') ?? []
  return events.at(-1)?.[0] as CheckAnswer | undefined
}

describe('CheckItem', () => {
  it('shows the item label in Chinese by default', () => {
    expect(mountItem().text()).toContain('安全出口畅通')
  })

  it('asks for a hazard with a default deadline when the item fails', async () => {
    const wrapper = mountItem()
    await wrapper.find('.check__choice--fail').trigger('click')
    expect(lastEmitted(wrapper)).toEqual({ result: 'fail', hazard: { description: '', severity: 'medium', deadline: '2026-12-01' } })
  })

  it('starts the hazard at the item\'s preset level, which the inspector can still change', async () => {
    const wrapper = mountItem(undefined, { ...field, hazardLevel: 'high' })
    await wrapper.find('.check__choice--fail').trigger('click')
    expect(lastEmitted(wrapper)).toEqual({ result: 'fail', hazard: { description: '', severity: 'high', deadline: '2026-12-01' } })
    await wrapper.setProps({ modelValue: lastEmitted(wrapper) })
    await wrapper.findAll('.van-radio')[0]!.trigger('click')
    expect(lastEmitted(wrapper)?.hazard?.severity).toBe('low')
  })

  it('keeps a severity the inspector already chose over the preset level', async () => {
    const wrapper = mountItem({ result: 'na', hazard: { description: '堵塞', severity: 'low', deadline: '2026-12-01' } }, { ...field, hazardLevel: 'high' })
    await wrapper.find('.check__choice--fail').trigger('click')
    expect(lastEmitted(wrapper)?.hazard?.severity).toBe('low')
  })

  it('drops the hazard when a failed item is changed to pass, keeping the note', async () => {
    const wrapper = mountItem({ result: 'fail', note: '已整改', hazard: { description: '堵塞', severity: 'high', deadline: '2026-12-01' } })
    await wrapper.find('.check__choice--pass').trigger('click')
    expect(lastEmitted(wrapper)).toEqual({ result: 'pass', note: '已整改' })
  })

  it('marks the chosen result for screen readers', () => {
    const wrapper = mountItem({ result: 'na' })
    expect(wrapper.find('.check__choice--na').attributes('aria-checked')).toBe('true')
    expect(wrapper.find('.check__choice--pass').attributes('aria-checked')).toBe('false')
  })

  it('shows the hazard form only for a failed item', () => {
    expect(mountItem({ result: 'pass' }).find('.check__hazard').exists()).toBe(false)
    expect(mountItem({ result: 'fail', hazard: { description: '', severity: 'low', deadline: '2026-12-01' } }).find('.check__hazard').exists()).toBe(true)
  })
})
