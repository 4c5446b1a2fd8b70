import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { describe, expect, it } from 'vitest'
import { useErrorText } from '../../../../src/client/features/outbox/useErrorText.js'
import { i18n } from '../../../../src/client/i18n/index.js'
import type { OutboxErrorCode } from '../../../../src/client/offline/outbox.js'

/** Renders one error through the app's own i18n plugin, as the outbox screens do. */
function shown(error: Parameters<ReturnType<typeof useErrorText>>[0]): string {
  const wrapper = mount(
    defineComponent({
      setup() {
        const text = useErrorText()
        return () => h('p', text(error))
      },
    }),
    { global: { plugins: [i18n] } },
  )
  const rendered = wrapper.text()
  wrapper.unmount()
  return rendered
}

describe('an outbox error in the user’s words', () => {
  it('names a known error code in Chinese', () => {
    expect(shown({ code: 'conflict', message: 'A different report with this id was already received' })).toBe('同一编号的报告内容不一致，服务器未接收')
  })

  it('tells a phone without signal from a server that failed', () => {
    expect(shown({ code: 'offline', message: 'offline' })).toBe('手机未联网，联网后自动发送')
    expect(shown({ code: 'internal', message: 'HTTP 503' })).toBe('服务器出错，稍后自动重试')
  })

  it('falls back to the server’s message for a code it has no words for (a newer server’s)', () => {
    expect(shown({ code: 'teapot' as OutboxErrorCode, message: 'I am a teapot' })).toContain('I am a teapot')
  })

  it('a code that is no table key of ours, such as constructor, still shows the server’s message', () => {
    expect(shown({ code: 'constructor' as OutboxErrorCode, message: 'odd' })).toBe('发生错误：odd')
  })
})
