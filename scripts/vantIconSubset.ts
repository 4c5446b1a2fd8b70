import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import subsetFont from 'subset-font'
import type { Plugin } from 'vite'

const ICON_CSS = /[\\/]vant[\\/]es[\\/]icon[\\/]index\.css$/
const ICON_RULE = /\.van-icon-([a-z0-9-]+):before\{content:"\\([0-9a-f]+)"\}/g
const EMBEDDED_FONT = /url\(data:font\/woff2;charset=utf-8;base64,([^)]+)\)/
/** The whole `src:` of the @font-face: the embedded font, then the CDN copy. */
const FONT_SOURCES = /src:url\(data:font\/woff2;[^)]+\) format\("woff2"\)(,url\([^)]*\) format\("[a-z0-9]+"\))*/
const IMPERATIVE: Record<string, string> = {
  showToast: 'toast', showFailToast: 'toast', showSuccessToast: 'toast', showLoadingToast: 'toast', closeToast: 'toast',
  showDialog: 'dialog', showConfirmDialog: 'dialog', showImagePreview: 'image-preview', showNotify: 'notify',
}

function* filesUnder(dir: string, pattern: RegExp): Generator<string> {
  if (!existsSync(dir)) return
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* filesUnder(path, pattern)
    else if (pattern.test(entry.name)) yield path
  }
}

/** Vant's component folders our sources use (tags, imperative APIs) and every folder they import. */
function vantFolders(sources: readonly string[], vantDir: string): Set<string> {
  const wanted = new Set<string>()
  for (const file of sources) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/<van-([a-z-]+)/g)) if (match[1]) wanted.add(match[1])
    for (const match of text.matchAll(/vant\/es\/([a-z-]+)/g)) if (match[1]) wanted.add(match[1])
    for (const [api, folder] of Object.entries(IMPERATIVE)) if (text.includes(api)) wanted.add(folder)
  }
  const seen = new Set<string>()
  const queue = [...wanted]
  while (queue.length > 0) {
    const folder = queue.pop() ?? ''
    if (seen.has(folder) || !existsSync(join(vantDir, folder))) continue
    seen.add(folder)
    for (const file of filesUnder(join(vantDir, folder), /\.mjs$/)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from "\.\.\/([a-z-]+)\//g)) if (match[1]) queue.push(match[1])
    }
  }
  return seen
}

/** Icon names that appear as string literals in our sources or the Vant folders we use, and every arrow. */
function usedIcons(known: ReadonlyMap<string, string>, files: readonly string[]): Set<string> {
  const used = new Set<string>()
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/['"`]([a-z0-9-]+)['"`]/g)) {
      if (match[1] && known.has(match[1])) used.add(match[1])
    }
  }
  // Vant builds some names at run time (`arrow-${direction}`).
  for (const name of known.keys()) if (name.startsWith('arrow')) used.add(name)
  return used
}

/**
 * Vant's icon CSS embeds its whole icon font (25 KB woff2, 28 KB gzip as base64) and falls back
 * to a CDN our CSP blocks. This keeps only the icons our screens can show: the rules for them and
 * a font subset (harfbuzz via subset-font) embedded instead, no CDN. An icon named only at run
 * time from parts would be missing: name icons as whole literals.
 */
export function vantIconSubset(options: { root: string }): Plugin {
  const vantDir = join(options.root, 'node_modules', 'vant', 'es')
  return {
    name: 'vant-icon-subset',
    enforce: 'pre',
    async transform(code, id) {
      if (!ICON_CSS.test(id.split('?')[0] ?? '')) return null
      const font = EMBEDDED_FONT.exec(code)?.[1]
      if (font === undefined) return null
      const known = new Map([...code.matchAll(ICON_RULE)].map((match) => [match[1] ?? '', match[2] ?? '']))
      const sources = [...filesUnder(join(options.root, 'src', 'client'), /\.(vue|ts)$/)]
      const vantFiles = [...vantFolders(sources, vantDir)].flatMap((folder) => [...filesUnder(join(vantDir, folder), /\.mjs$/)])
      const used = usedIcons(known, [...sources, ...vantFiles])
      const glyphs = [...used].map((name) => String.fromCodePoint(parseInt(known.get(name) ?? '0', 16))).join('')
      const subset = await subsetFont(Buffer.from(font, 'base64'), glyphs, { targetFormat: 'woff2' })
      const rules = code.replace(ICON_RULE, (rule, name: string) => (used.has(name) ? rule : ''))
      return rules.replace(FONT_SOURCES, `src:url(data:font/woff2;base64,${subset.toString('base64')}) format("woff2")`)
    },
  }
}
