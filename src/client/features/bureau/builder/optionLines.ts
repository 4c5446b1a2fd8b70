import type { Text } from '../../../../core/text.js'

type Option = { value: string; label: Text }

/** Options as the bureau types them, one a line: `value=中文=English` (English optional). */
export function optionsToLines(options: readonly Option[]): string {
  return options.map((option) => `${option.value}=${option.label.zh}=${option.label.en}`).join('\n')
}

export function linesToOptions(text: string): Option[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '').map((line) => {
    const [value = '', zh = '', en = ''] = line.split('=').map((part) => part.trim())
    return { value, label: { zh: zh || value, en: en || zh || value } }
  })
}
