// Publish-over-another-district cases, generated for every route that publishes an owned
// template. The routes come from the app itself: a route marked `config.publishes` gets every
// publisher × every owner, and a route whose body names a template id without that mark fails
// the test by name, so a new publish path cannot ship uncovered.
import type { RouteOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fireSafety } from '../../src/core/forms/index.js'
import type { FormTemplate } from '../../src/core/forms/types.js'
import { templateToWorkbook } from '../../src/core/xlsform/export-template.js'
import type { TemplateKind } from '../../src/server/auth/template-owner.js'
import { buildApp } from '../../src/server/app.js'
import { writeWorkbook } from '../../src/server/services/form-xlsx/write-workbook.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'

const publishers = ['staff', 'principal', 'inspector', 'bureau', 'bureau2', 'admin'] as const
type Publisher = (typeof publishers)[number]
const credentials: Record<Publisher, [string, string]> = {
  staff: ['school1', 'school123'], principal: ['principal1', 'principal123'], inspector: ['inspector', 'inspector123'],
  bureau: ['bureau', 'bureau123'], bureau2: ['bureau2', 'bureau123'], admin: ['admin', 'admin123'],
}
const districtOf: Partial<Record<Publisher, string>> = { bureau: 'district-1', bureau2: 'district-2' }

/** Whose id the publish aims at: an admin's global one, each district's own, or a name nobody holds yet. */
const owners = ['global', 'district-1', 'district-2', 'new'] as const
type Owner = (typeof owners)[number]

/** The rule of src/server/auth/template-owner.ts, restated independently. */
function expected(publisher: Publisher, owner: Owner): number {
  if (publisher === 'admin') return 201
  const district = districtOf[publisher]
  if (district === undefined) return 403
  if (owner === 'new' || owner === district) return 201
  return owner === 'global' ? 403 : 409
}

/** How each kind of template is published, read back and seen by a school of district 1. */
type Kind = {
  readonly body: (id: string, version: number) => object
  readonly stored: (server: TestServer, id: string) => Promise<{ version: number; owner: string | null }[]>
  /** The list a school of district 1 pulls, with who pulls it. */
  readonly schoolList: { readonly url: string; readonly as: Publisher }
}
const year = new Date().getFullYear()
const kinds: Record<TemplateKind, Kind> = {
  form: {
    // The title names the version: an upload identical to the live version is refused as "nothing to publish".
    body: (id, version) => ({ template: { ...fireSafety, id, version, title: { zh: `矩阵 ${id} 第 ${version} 版`, en: `matrix ${id} v${version}` } } }),
    stored: async (server, id) => (await server.db.selectFrom('forms').select(['version', 'owner_district_id']).where('id', '=', id).orderBy('version').execute())
      .map((row) => ({ version: row.version, owner: row.owner_district_id })),
    schoolList: { url: '/api/v1/forms', as: 'staff' },
  },
  pledge: {
    body: (pledgeId, version) => ({
      pledgeId, version, year, audience: 'principal', title: { zh: `矩阵 ${pledgeId}`, en: `matrix ${pledgeId}` },
      text: { zh: `第 ${version} 版 [链接](https://evil.example/)`, en: `version ${version}` }, dueDate: '2000-01-01',
    }),
    stored: async (server, id) => (await server.db.selectFrom('pledge_versions').select(['version', 'owner_district_id']).where('pledge_id', '=', id).orderBy('version').execute())
      .map((row) => ({ version: row.version, owner: row.owner_district_id })),
    schoolList: { url: '/api/v1/pledges', as: 'principal' },
  },
}

type PublishRoute = { readonly method: string; readonly url: string; readonly kind: TemplateKind | undefined; readonly bodyKeys: readonly string[] }

/** Property names anywhere in a JSON schema. */
function propertyNames(schema: unknown): string[] {
  if (schema === null || typeof schema !== 'object') return []
  const own = 'properties' in schema && schema.properties !== null && typeof schema.properties === 'object' ? Object.keys(schema.properties) : []
  return [...own, ...Object.values(schema).flatMap(propertyNames)]
}

async function collectRoutes(server: TestServer): Promise<PublishRoute[]> {
  const found: PublishRoute[] = []
  const probe = await buildApp(server.config, {
    onRoute: (route: RouteOptions) => {
      for (const method of [route.method].flat()) {
        if (!route.url.startsWith('/api/') || method === 'GET' || method === 'HEAD') continue
        found.push({ method, url: route.url, kind: route.config?.publishes, bodyKeys: propertyNames(route.schema?.body) })
      }
    },
  })
  await probe.ready()
  await probe.close()
  return found
}

/** A body that names a template to publish: the whole template, or a pledge's id with its text. */
const namesATemplate = (route: PublishRoute) => route.bodyKeys.includes('template') || (route.bodyKeys.includes('pledgeId') && route.bodyKeys.includes('text'))

describe.each(dialects)('publishing over another owner, generated per publish route (%s)', (dialect) => {
  let server: TestServer
  let routes: PublishRoute[]
  const tokens = {} as Record<Publisher, string>
  let fresh = 0

  beforeAll(async () => {
    server = await startServer(dialect)
    for (const publisher of publishers) tokens[publisher] = await server.login(...credentials[publisher])
    routes = await collectRoutes(server)
  }, 60_000)
  afterAll(() => server.close())

  /**
   * The same template through each publish route as that route takes it: the JSON publish as is,
   * the builder's preview with ?publish=true, the upload as an .xlsx of our layout.
   */
  const send = async (publisher: Publisher, route: PublishRoute, payload: object) => {
    const headers = bearer(tokens[publisher])
    if (route.url === '/api/v1/admin/forms/preview') return server.app.inject({ method: 'POST', url: `${route.url}?publish=true`, headers, payload })
    if (route.url === '/api/v1/admin/forms/import') {
      const bytes = await writeWorkbook(templateToWorkbook((payload as { template: FormTemplate }).template))
      return server.app.inject({ method: 'POST', url: `${route.url}?publish=true`, headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: bytes })
    }
    return server.app.inject({ method: route.method as 'POST', url: route.url, headers, payload })
  }

  it('every route whose body names a template to publish declares which kind it publishes', () => {
    const unmarked = routes.filter((route) => namesATemplate(route) && route.kind === undefined).map((route) => `${route.method} ${route.url}`)
    expect(unmarked, `publish routes without config.publishes (they would escape the ownership cases): ${unmarked.join(', ')}`).toEqual([])
    expect(routes.filter((route) => route.kind !== undefined).map((route) => `${route.kind} ${route.url}`).sort()).toEqual([
      'form /api/v1/admin/forms', 'form /api/v1/admin/forms/import', 'form /api/v1/admin/forms/preview', 'pledge /api/v1/admin/pledges',
    ])
  })

  it('every publisher × every owner answers as the ownership rule says, and a refusal changes nothing a school sees', async () => {
    const mismatches: string[] = []
    let cells = 0
    const publishRoutes = routes.filter((route) => route.kind !== undefined)
    for (const [index, route] of publishRoutes.entries()) {
      const kindName = route.kind
      if (kindName === undefined) continue
      const kind = kinds[kindName]
      // One id per owner and route, published by that owner (each successful cell adds a version).
      const ids: Record<Exclude<Owner, 'new'>, string> = { global: `matrix-${kindName}-${index}-global`, 'district-1': `matrix-${kindName}-${index}-d1`, 'district-2': `matrix-${kindName}-${index}-d2` }
      for (const [owner, by] of [['global', 'admin'], ['district-1', 'bureau'], ['district-2', 'bureau2']] as const) {
        const made = await send(by, route, kind.body(ids[owner], 1))
        expect(made.statusCode, `${route.url}: ${by} publishes ${ids[owner]} ${made.body}`).toBe(201)
      }
      for (const publisher of publishers) {
        for (const owner of owners) {
          const id = owner === 'new' ? `matrix-${kindName}-new-${fresh++}` : ids[owner]
          const before = await kind.stored(server, id)
          const version = (before.at(-1)?.version ?? 0) + 1
          const list = (await server.app.inject({ method: 'GET', url: kind.schoolList.url, headers: bearer(tokens[kind.schoolList.as]) })).headers.etag
          const response = await send(publisher, route, kind.body(id, version))
          cells += 1
          const where = `${route.method} ${route.url} as ${publisher} over ${owner} (${id} v${version})`
          const want = expected(publisher, owner)
          if (response.statusCode !== want) mismatches.push(`${where}: expected ${want}, got ${response.statusCode} ${response.body.slice(0, 160)}`)
          const after = await kind.stored(server, id)
          if (want === 201) {
            const ownerNow = owner === 'new' ? (districtOf[publisher] ?? null) : owner === 'global' ? null : owner
            if (!after.every((row) => row.owner === ownerNow)) mismatches.push(`${where}: owners now ${JSON.stringify(after)}, expected ${ownerNow}`)
          } else {
            if (JSON.stringify(after) !== JSON.stringify(before)) mismatches.push(`${where}: refused, yet stored ${JSON.stringify(after)}`)
            const listAfter = (await server.app.inject({ method: 'GET', url: kind.schoolList.url, headers: bearer(tokens[kind.schoolList.as]) })).headers.etag
            if (listAfter !== list) mismatches.push(`${where}: refused, yet district 1's ${kind.schoolList.url} changed`)
            if (want !== 403 || districtOf[publisher] !== undefined) {
              const error = (response.json() as { error?: { message?: string } }).error
              if (!/[\u4e00-\u9fff]/.test(error?.message ?? '') || !/[a-z]{3}/i.test(error?.message ?? '')) mismatches.push(`${where}: message not in Chinese and English: ${error?.message}`)
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([])
    expect(cells).toBe(publishRoutes.length * publishers.length * owners.length)
  }, 120_000)

  it('the detector recognises a new route whose body carries a template, so the first test names it', () => {
    const invented: PublishRoute = { method: 'POST', url: '/api/v1/admin/notices', kind: undefined, bodyKeys: ['template'] }
    expect(namesATemplate(invented)).toBe(true)
  })
})
