import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import CanteenScoreBar from '../../../../src/client/features/canteen/CanteenScoreBar.vue'
import { i18n } from '../../../../src/client/i18n/index.js'
import { canteenGrading } from '../../../../src/core/forms/canteen.js'
import { scoreCanteen } from '../../../../src/core/scoring.js'
import type { Answers } from '../../../../src/core/forms/types.js'

function shown(answers: Answers) {
  const wrapper = mount(CanteenScoreBar, { props: { score: scoreCanteen(canteenGrading, answers) }, global: { plugins: [i18n] } })
  const bar = { text: wrapper.text(), grade: wrapper.get('[data-testid="canteen-score"]').attributes('data-grade') }
  wrapper.unmount()
  return bar
}

describe('the canteen score bar', () => {
  it('says 未作答 before anything is answered, not “0 % 不合格” in red', () => {
    const bar = shown({})
    expect(bar.text).toContain('未作答')
    expect(bar.text).not.toContain('不合格')
    expect(bar.text).not.toContain('0%')
    expect(bar.grade).toBe('')
  })

  it('shows the score and a provisional grade once an item is answered', () => {
    const first = canteenGrading.sections.flatMap((section) => section.fields).find((field) => field.type === 'check' && (field.points ?? 0) > 0)
    if (!first) throw new Error('the canteen template has a scored check')
    const bar = shown({ [first.id]: { result: 'pass' } } as Answers)
    expect(bar.text).toContain('100%')
    expect(bar.text).toContain('暂定')
    expect(bar.grade).toBe('A')
  })
})
