import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { minify, type Plugin } from 'vite'

/**
 * src/client/first-screen.js in the built page: minified to a hashed asset (precached and
 * precompressed like the rest), and given the app to start. The built index.html names its entry
 * module and the entry's modulepreloads as inert data (`type="text/plain" data-app-entry`,
 * `rel="app-modulepreload"`); the script turns them live at once, or one frame after painting the
 * 待办 this phone last showed. Chromium parses and compiles a preloaded module on the main thread
 * as it arrives: half a second on a slow phone, which would hold the early paint back behind it.
 * The chunks are the same as without this. In dev the page keeps its plain module script.
 */
export function firstScreenScript(sourcePath: string, pagePath: string): Plugin {
  let fileName = ''
  return {
    name: 'first-screen-script',
    apply: 'build',
    async buildStart() {
      const { code, errors } = await minify('first-screen.js', readFileSync(sourcePath, 'utf8'), {})
      if (errors.length > 0) this.error(`first-screen.js: ${errors.map((error) => error.message).join('; ')}`)
      fileName = `assets/first-screen-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`
      this.emitFile({ type: 'asset', fileName, source: code })
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/
        const src = entry.exec(html)?.[1]
        const script = `<script src="${pagePath}"></script>`
        // A page built with this config but without the script (bench/frameworkFloor.ts's baseline) is left as it is.
        if (!html.includes(script)) return html
        if (src === undefined) throw new Error('first-screen-script: index.html has first-screen.js but no entry module for it to start')
        return html
          .replace(entry, `<script type="text/plain" data-app-entry src="${src}"></script>`)
          .replaceAll('<link rel="modulepreload"', '<link rel="app-modulepreload"')
          .replace(script, `<script src="/${fileName}"></script>`)
      },
    },
  }
}
