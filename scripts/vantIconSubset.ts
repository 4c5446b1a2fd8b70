import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
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
 * The sources of the first screen (App's shell, sign-in, form list): their icons' glyphs stay in the
 * stylesheet; the others' are in a second face of the same family, a woff2 file the browser fetches
 * (from the precache) only when a screen shows one of them. An icon put in the wrong set only shows
 * a moment later, it is never lost.
 */
const FIRST_SCREEN_SOURCES = [
  'src/client/main.ts', 'src/client/App.vue', 'src/client/ui/CapabilityBanner.vue', 'src/client/ui/UpdatePrompt.vue',
  'src/client/features/storage/StorageBanner.vue', 'src/client/features/auth/LoginView.vue', 'src/client/features/forms/FormListView.vue',
]

/** Where the later glyphs are written for Vite to emit as a hashed asset (under node_modules, ignored by git). */
const LATER_FONT_FILE = join('node_modules', '.cache', 'vant-icon-subset', 'vant-icon-later.woff2')

type Subsets = { readonly firstFont: Buffer; readonly firstRange: string; readonly laterFont: Buffer | null; readonly laterRange: string; readonly used: ReadonlySet<string> }

function unicodeRange(codes: readonly string[]): string {
  return codes.map((code) => `U+${code.toUpperCase()}`).join(',')
}

async function computeSubsets(root: string, code: string, font: string): Promise<Subsets> {
  const vantDir = join(root, 'node_modules', 'vant', 'es')
  const known = new Map([...code.matchAll(ICON_RULE)].map((match) => [match[1] ?? '', match[2] ?? '']))
  const iconsOf = (sources: readonly string[]): Set<string> =>
    usedIcons(known, [...sources, ...[...vantFolders(sources, vantDir)].flatMap((folder) => [...filesUnder(join(vantDir, folder), /\.mjs$/)])])
  const used = iconsOf([...filesUnder(join(root, 'src', 'client'), /\.(vue|ts)$/)])
  const first = iconsOf(FIRST_SCREEN_SOURCES.map((file) => join(root, file)))
  const codesOf = (names: Iterable<string>): string[] => [...new Set([...names].map((name) => known.get(name) ?? '0'))].sort()
  const firstCodes = codesOf([...used].filter((name) => first.has(name)))
  const laterCodes = codesOf([...used].filter((name) => !first.has(name))).filter((code) => !firstCodes.includes(code))
  const glyphs = (codes: readonly string[]): string => codes.map((hex) => String.fromCodePoint(parseInt(hex, 16))).join('')
  const original = Buffer.from(font, 'base64')
  return {
    firstFont: await subsetFont(original, glyphs(firstCodes), { targetFormat: 'woff2' }),
    firstRange: unicodeRange(firstCodes),
    laterFont: laterCodes.length > 0 ? await subsetFont(original, glyphs(laterCodes), { targetFormat: 'woff2' }) : null,
    laterRange: unicodeRange(laterCodes),
    used,
  }
}

/**
 * Vant's icon CSS embeds its whole icon font (25 KB woff2, 28 KB gzip as base64) and falls back
 * to a CDN our CSP blocks. This keeps only the icons our screens can show: the rules for them and
 * font subsets (harfbuzz via subset-font), no CDN — the first screen's glyphs embedded in the
 * stylesheet, the rest in a second @font-face of the same family (disjoint `unicode-range`s) whose
 * woff2 file (precached) is fetched only when a screen shows one of its icons: no stylesheet or
 * script has to load it. An icon named only at run time from parts would be missing: name icons as
 * whole literals.
 */
export function vantIconSubset(options: { root: string }): Plugin {
  const iconDir = join(options.root, 'node_modules', 'vant', 'es', 'icon')
  let subsets: Promise<Subsets | null> | undefined
  const load = (): Promise<Subsets | null> => {
    subsets ??= (async () => {
      const code = readFileSync(join(iconDir, 'index.css'), 'utf8')
      const font = EMBEDDED_FONT.exec(code)?.[1]
      return font === undefined ? null : computeSubsets(options.root, code, font)
    })()
    return subsets
  }
  return {
    name: 'vant-icon-subset',
    enforce: 'pre',
    async transform(code, id) {
      if (!ICON_CSS.test(id.split('?')[0] ?? '') || !EMBEDDED_FONT.test(code)) return null
      const found = await load()
      if (!found) return null
      const rules = code.replace(ICON_RULE, (rule, name: string) => (found.used.has(name) ? rule : ''))
      const first = `src:url(data:font/woff2;base64,${found.firstFont.toString('base64')}) format("woff2");unicode-range:${found.firstRange}`
      let later = ''
      if (found.laterFont) {
        const file = join(options.root, LATER_FONT_FILE)
        mkdirSync(dirname(file), { recursive: true })
        writeFileSync(file, found.laterFont)
        // Relative to Vant's icon CSS, so Vite resolves it and emits it with a content hash.
        const url = relative(iconDir, file).split('\\').join('/')
        later = `@font-face{font-weight:400;font-family:vant-icon;font-style:normal;font-display:auto;src:url("${url}") format("woff2");unicode-range:${found.laterRange}}`
      }
      return later + rules.replace(FONT_SOURCES, first)
    },
  }
}
