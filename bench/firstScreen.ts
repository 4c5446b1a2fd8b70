import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** What a school phone downloads before the first screen is usable: JS and CSS, each file gzipped alone as served. */
export interface FirstScreenFile {
  readonly file: string
  readonly kind: 'js' | 'css'
  /** Why it is on the first screen: the entry, index.html's preloads/styles, or a first route's chunk. */
  readonly via: string
  readonly bytes: number
  readonly gzip: number
}

export interface FirstScreen {
  readonly files: readonly FirstScreenFile[]
  readonly bytes: number
  readonly gzip: number
}

interface ManifestChunk {
  readonly file: string
  readonly imports?: readonly string[]
  readonly css?: readonly string[]
}

/** Routes a school user lands on first: signed out (login) and signed in (the 待办, issue 14). */
export const FIRST_ROUTES = ['src/client/features/auth/LoginView.vue', 'src/client/features/todo/TodoView.vue'] as const
export const FIRST_SCREEN_ROUTES_NOTE = 'index.html entry, modulepreloads, stylesheets + the sign-in and 待办 routes'

function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length
}

function htmlAssets(html: string): { file: string; via: string }[] {
  const found: { file: string; via: string }[] = []
  const patterns: [RegExp, string][] = [
    [/<script[^>]*type="module"[^>]*src="\/?([^"]+)"/g, 'entry script'],
    // The built page's entry (started by first-screen.js) and first-screen.js itself.
    [/<script[^>]*data-app-entry[^>]*src="\/?([^"]+)"/g, 'entry script'],
    [/<script src="\/?([^"]+)"><\/script>/g, 'classic script'],
    [/<link[^>]*rel="(?:app-)?modulepreload"[^>]*href="\/?([^"]+)"/g, 'modulepreload'],
    [/<link[^>]*rel="stylesheet"[^>]*href="\/?([^"]+)"/g, 'stylesheet'],
  ]
  for (const [pattern, via] of patterns) {
    for (const match of html.matchAll(pattern)) if (match[1]) found.push({ file: match[1], via })
  }
  return found
}

/** A lazy route's chunk and everything it statically imports, with their CSS (Vite's manifest). */
function routeAssets(manifest: Record<string, ManifestChunk>, key: string): { file: string; via: string }[] {
  const found: { file: string; via: string }[] = []
  const seen = new Set<string>()
  const visit = (id: string): void => {
    if (seen.has(id)) return
    seen.add(id)
    const chunk = manifest[id]
    if (!chunk) return
    found.push({ file: chunk.file, via: `route ${key.split('/').pop() ?? key}` })
    for (const css of chunk.css ?? []) found.push({ file: css, via: `route ${key.split('/').pop() ?? key}` })
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit(key)
  return found
}

/**
 * Measures a built dist/: index.html's entry script, modulepreloads and stylesheets, plus the chunks of
 * the first routes (login, 待办) when they are lazy. Each file counts once, gzip -9 as we serve it.
 */
export function measureFirstScreen(distDir: string, routes: readonly string[] = FIRST_ROUTES): FirstScreen {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const candidates = htmlAssets(html)
  const manifestPath = join(distDir, '.vite', 'manifest.json')
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>
    for (const route of routes) candidates.push(...routeAssets(manifest, route))
  }
  const files: FirstScreenFile[] = []
  const counted = new Set<string>()
  for (const { file, via } of candidates) {
    if (counted.has(file) || !/\.(js|css)$/.test(file)) continue
    counted.add(file)
    const path = join(distDir, file)
    files.push({ file, via, kind: file.endsWith('.css') ? 'css' : 'js', bytes: readFileSync(path).length, gzip: gzipSize(path) })
  }
  return {
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
  }
}

export function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1)
}
