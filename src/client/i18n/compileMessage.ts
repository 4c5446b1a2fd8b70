import type { MessageCompiler, MessageContext, MessageFunction } from 'petite-vue-i18n'

type Part = string | { readonly key: string }

// Our messages use `{name}` (and `{0}`) placeholders and ` | ` plural forms only: this covers them so
// the build can drop vue-i18n's full message compiler (~9 KB gzip) from the first screen.
const PLACEHOLDER = /\{\s*([A-Za-z_$][\w$]*|\d+)\s*\}/g

function parse(source: string): Part[] {
  const parts: Part[] = []
  let last = 0
  for (const match of source.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push(source.slice(last, match.index))
    parts.push({ key: match[1] ?? '' })
    last = match.index + match[0].length
  }
  if (last < source.length) parts.push(source.slice(last))
  return parts
}

function display(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

type Render = (ctx: MessageContext<string>) => string

function render(parts: readonly Part[], ctx: MessageContext<string>): string {
  let text = ''
  for (const part of parts) {
    if (typeof part === 'string') text += part
    else text += display(/^\d+$/.test(part.key) ? ctx.list(Number(part.key)) : ctx.named(part.key))
  }
  return text
}

const compiled = new Map<string, MessageFunction<string>>()

function compileSource(source: string): Render {
  // vue-i18n's plural syntax: forms split by `|`, whitespace around each form ignored.
  const forms = source.includes('|') ? source.split('|').map((form) => parse(form.trim())) : [parse(source)]
  if (forms.length === 1) {
    const only = forms[0] ?? []
    return (ctx) => render(only, ctx)
  }
  return (ctx) => ctx.plural(forms.map((form) => render(form, ctx)))
}

/**
 * A message compiler for vue-i18n's runtime-only build. Not supported (rendered literally):
 * linked messages (`@:key`), literal interpolation (`{'x'}`) and HTML — none of our texts use them.
 */
export const compileMessage: MessageCompiler<string, unknown> = (message, context) => {
  if (typeof message !== 'string') return () => context.key
  let fn = compiled.get(message)
  if (!fn) {
    fn = compileSource(message) as MessageFunction<string>
    compiled.set(message, fn)
  }
  return fn
}
