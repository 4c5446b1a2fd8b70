import { mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { describe, expect, it } from 'vitest'
import { useRevealed } from '../../../src/client/ui/useRevealed.js'

const nextPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 1)))

function sectionsOf(total: ReturnType<typeof ref<number>>) {
  return mount(
    defineComponent({
      setup() {
        const shown = useRevealed(() => total.value ?? 0)
        return () => h('div', Array.from({ length: Math.min(shown.value, total.value ?? 0) }, (_, index) => h('section', { key: index }, `part ${index}`)))
      },
    }),
  )
}

describe('revealing a long screen part by part', () => {
  it('renders the first part at once and one more after each paint until all are shown', async () => {
    const total = ref(3)
    const wrapper = sectionsOf(total)
    expect(wrapper.findAll('section')).toHaveLength(1)
    await nextPaint()
    await nextPaint()
    expect(wrapper.findAll('section').length).toBeGreaterThanOrEqual(2)
    for (let frame = 0; frame < 5; frame++) await nextPaint()
    expect(wrapper.findAll('section')).toHaveLength(3)
    wrapper.unmount()
  })

  it('starts revealing when the parts arrive later (a template read from storage)', async () => {
    const total = ref(0)
    const wrapper = sectionsOf(total)
    expect(wrapper.findAll('section')).toHaveLength(0)
    total.value = 4
    await wrapper.vm.$nextTick()
    expect(wrapper.findAll('section')).toHaveLength(1)
    for (let frame = 0; frame < 8; frame++) await nextPaint()
    expect(wrapper.findAll('section')).toHaveLength(4)
    wrapper.unmount()
  })
})
