import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build, loadConfigFromFile, type PluginOption, type UserConfig } from 'vite'

export const repoRoot = resolve(import.meta.dirname, '..')

function flatten(plugins: PluginOption[] | undefined): PluginOption[] {
  return (plugins ?? []).flat(Infinity as 1) as PluginOption[]
}

function pluginName(plugin: PluginOption): string {
  return plugin && typeof plugin === 'object' && 'name' in plugin ? String(plugin.name) : ''
}

/**
 * Builds `root` with the app's own vite.config.ts (fresh plugin instances each call) into a new temp
 * folder, with Vite's manifest so the first routes' chunks can be counted. `withoutPwa` drops the
 * service-worker plugin for roots that have no src/sw.ts (the "hello" baseline).
 */
export async function buildWithAppConfig(root: string, options: { withoutPwa?: boolean } = {}): Promise<string> {
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, join(repoRoot, 'vite.config.ts'))
  if (!loaded) throw new Error('vite.config.ts not found')
  const config: UserConfig = loaded.config
  const plugins = flatten(config.plugins).filter((plugin) => !(options.withoutPwa && pluginName(plugin).startsWith('vite-plugin-pwa')))
  const outDir = mkdtempSync(join(tmpdir(), 'bench-build-'))
  await build({
    ...config,
    configFile: false,
    root,
    plugins,
    logLevel: 'warn',
    build: { ...config.build, outDir, emptyOutDir: true, manifest: true },
  })
  return outDir
}
