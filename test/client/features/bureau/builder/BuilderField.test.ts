import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { reactive } from 'vue'
import type { DraftField } from '../../../../../src/core/formBuilder.js'
import BuilderField from '../../../../../src/client/features/bureau/builder/BuilderField.vue'
import { installBuilderMessages } from '../../../../../src/client/features/bureau/builder/installBuilderMessages.js'
import { i18n } from '../../../../../src/client/i18n/index.js'

function mountField(field: DraftField) {
  installBuilderMessages()
  const model = reactive(field) as DraftField
  const wrapper = mount(BuilderField, {
    props: { field: model, path: 'sections[1].fields[0]', repeatOf: () => undefined },
    global: { plugins: [i18n] },
  })
  return { wrapper, model }
}

describe('BuilderField', () => {
  it('sets a check item\'s preset hazard level and clears it again', async () => {
    const { wrapper, model } = mountField({ id: 'exits', type: 'check', label: { zh: '安全出口畅通', en: 'Exits clear' } })
    const picker = wrapper.get('[data-testid="field-hazard-level"]')
    expect(picker.findAll('option').map((option) => option.text())).toEqual(['不预设（检查人选择）', '低（一般）', '中（较大）', '高（重大）'])
    await picker.setValue('high')
    expect(model).toMatchObject({ hazardLevel: 'high' })
    await picker.setValue('')
    expect('hazardLevel' in model).toBe(false)
  })

  it('offers no hazard level on a question that is not a check item', () => {
    const { wrapper } = mountField({ id: 'pupils', type: 'integer', label: { zh: '学生数', en: 'Pupils' } })
    expect(wrapper.find('[data-testid="field-hazard-level"]').exists()).toBe(false)
  })
})
