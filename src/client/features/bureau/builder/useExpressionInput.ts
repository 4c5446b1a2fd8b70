import { inject, onBeforeUnmount, provide, reactive, ref, watch, type Ref } from 'vue'
import { ExpressionError } from '../../../../core/xlsform/expression.js'
import type { Text } from '../../../../core/text.js'

const key = Symbol('builder expression errors')

/** Expression boxes that do not parse: publishing waits until none is left. */
export function provideExpressionErrors(): Map<string, Text> {
  const errors = reactive(new Map<string, Text>())
  provide(key, errors)
  return errors
}

/**
 * A text box for a condition or a formula in XLSForm syntax: shows the stored value printed,
 * writes it back only when it parses, and otherwise keeps the reason (in both languages) until fixed.
 */
export function useExpressionInput<T>(name: () => string, read: () => T | undefined, print: (value: T) => string, parse: (source: string) => T, write: (value: T | undefined) => void) {
  const errors = inject<Map<string, Text>>(key, new Map())
  const current = read()
  const text: Ref<string> = ref(current === undefined ? '' : print(current))
  const error = ref<Text | null>(null)
  watch(text, (source) => {
    if (source.trim() === '') {
      error.value = null
      write(undefined)
    } else {
      try {
        write(parse(source))
        error.value = null
      } catch (caught) {
        if (!(caught instanceof ExpressionError)) throw caught
        error.value = caught.text
      }
    }
    if (error.value) errors.set(name(), error.value)
    else errors.delete(name())
  })
  onBeforeUnmount(() => errors.delete(name()))
  return { text, error }
}
