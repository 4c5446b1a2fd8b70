import { readFileSync } from 'node:fs'
import { resolveValue } from '@intlify/core-base'
import { describe, expect, it } from 'vitest'

// The first screen mounts before zh-CN.later.ts has arrived (the router waits for it only before
// other screens): every text those components name must be in zh-CN.ts itself.
const FIRST_SCREEN = [
  'src/client/App.vue',
  'src/client/features/auth/LoginView.vue',
  'src/client/features/todo/TodoView.vue',
  'src/client/ui/CapabilityBanner.vue',
  'src/client/ui/UpdatePrompt.vue',
]

/** Shown only after the server refused a sign-in, and only once the later texts are in (LoginView awaits them). */
const AFTER_LATER_TEXTS = new Set(['auth.tooMany', 'auth.tooManySeconds'])

/** Keys named as t('a.b') and t(`a.${x}`) (the fixed part, the dynamic rest cut off). */
function keysIn(source: string): string[] {
  return [...source.matchAll(/\bt\(\s*['`]([a-zA-Z][\w.]*?)(\$\{|['`])/g)].map((match) => (match[2] === '${' ? (match[1] ?? '').replace(/\.$/, '') : (match[1] ?? '')))
}

describe('the first screen’s texts', () => {
  it('are all in the main chunk’s Chinese file, not in the later one', () => {
    // The file's own tree, read from its source: the imported object has the later texts merged in.
    const source = readFileSync('src/client/i18n/zh-CN.ts', 'utf8').replace('export default', 'return')
    const own = new Function(source)() as unknown
    const keys = FIRST_SCREEN.flatMap((file) => keysIn(readFileSync(file, 'utf8')).map((key) => [file, key] as const))
    expect(keys.length).toBeGreaterThan(20)
    expect(resolveValue(own, 'fill.submit'), 'a later screen’s text is not in this file').toBeNull()
    // The form list is one tap from the 待办 (issue 14): its texts came out of the main chunk.
    expect(resolveValue(own, 'forms.drafts'), 'the form list’s texts are a later screen’s').toBeNull()
    // The form list is one tap from the 待办 (issue 14): its texts came out of the main chunk.
    expect(resolveValue(own, 'forms.drafts'), 'the form list’s texts are a later screen’s').toBeNull()
    for (const [file, key] of keys.filter(([, key]) => !AFTER_LATER_TEXTS.has(key))) expect(resolveValue(own, key), `${file}: ${key}`).not.toBeNull()
  })
})
