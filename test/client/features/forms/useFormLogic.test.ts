import { describe, expect, it } from 'vitest'
import { computed, nextTick, reactive } from 'vue'
import { useFormLogic } from '../../../../src/client/features/forms/useFormLogic.js'
import { schoolBus } from '../../../../src/core/forms/index.js'
import type { AnswerValue } from '../../../../src/core/forms/types.js'

describe('useFormLogic', () => {
  it('shows a section as soon as the answer its condition reads is added to the draft', async () => {
    const answers = reactive<Record<string, AnswerValue | undefined>>({})
    const logic = useFormLogic({ template: computed(() => schoolBus), answers } as never)
    expect(logic.sectionShown('boarding')).toBe(false)
    answers.boarders = 'yes'
    await nextTick()
    expect(logic.sectionShown('boarding')).toBe(true)
    answers.buses = [{ seats: 40, riders: 30 }]
    await nextTick()
    expect(logic.items.value.get('buses[0].loadRate')?.value).toBe(75)
  })
})
