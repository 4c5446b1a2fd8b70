import type { MessageResolver, PathValue } from 'petite-vue-i18n'

/**
 * petite-vue-i18n looks a key up as one flat name by default; our texts are nested objects
 * (`nav.home` is `{ nav: { home } }`), so walk the dotted path. Own keys only: a key such as
 * `constructor` must not reach into Object.prototype.
 */
export const resolveMessagePath: MessageResolver = (messages, path) => {
  let node: unknown = messages
  for (const segment of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return null
    node = (node as Record<string, unknown>)[segment]
  }
  return (node ?? null) as PathValue
}
