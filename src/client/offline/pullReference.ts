import type { FormTemplate } from '../../core/forms/types.js'
import type { Hazard, LatestReport, School } from '../../core/protocol.js'
import type { TodoItem } from '../../core/todo.js'
import { archiveTemplates } from './formArchive.js'
import type { Stores } from './storage.js'
import type { Transport, TransportResult } from './transport.js'

/** What changed on the server since the last pull; absent keys were unchanged (304) or not fetched. */
export type PulledData = {
  readonly forms?: readonly FormTemplate[]
  readonly schools?: readonly School[]
  readonly hazards?: readonly Hazard[]
  readonly reports?: readonly LatestReport[]
  readonly todo?: readonly TodoItem[]
}

/** Meta keys the app reads offline: arrays as the server last sent them. */
export const PULLED_KEYS = ['forms', 'schools', 'hazards', 'reports', 'todo'] as const
export type PulledKey = (typeof PULLED_KEYS)[number]

export type PullOutcome =
  | { readonly kind: 'done'; readonly pulled: PulledData }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'retry'; readonly pulled: PulledData }

type Fetcher = (etag?: string) => Promise<TransportResult<readonly unknown[]>>

function fetchers(transport: Transport): Record<PulledKey, Fetcher> {
  const unwrap =
    <T>(fetch: (etag?: string) => Promise<TransportResult<T>>, pick: (value: T) => readonly unknown[]): Fetcher =>
    async (etag) => {
      const result = await fetch(etag)
      return result.kind === 'ok' ? { ...result, value: pick(result.value) } : result
    }
  return {
    forms: unwrap((etag) => transport.fetchForms(etag), (value) => value.forms),
    schools: unwrap((etag) => transport.fetchSchools(etag), (value) => value.schools),
    hazards: () => allHazards(transport),
    reports: unwrap((etag) => transport.fetchLatestReports(etag), (value) => value.reports),
    // The items alone: the phone recounts "how late" from its own clock, so when they were made is not kept.
    todo: unwrap((etag) => transport.fetchTodo(etag), (value) => value.items),
  }
}

/**
 * Every page of the hazards in scope (a school's own; an inspector's district), following the
 * cursor to the end: a list cut at some page size would silently hide the rest. A page that fails
 * fails the whole list, so the phone keeps the last complete one instead of half of a new one.
 */
async function allHazards(transport: Transport): Promise<TransportResult<readonly Hazard[]>> {
  const hazards: Hazard[] = []
  let cursor: string | undefined
  for (;;) {
    const page = await transport.fetchHazards(cursor)
    if (page.kind !== 'ok') return page
    hazards.push(...page.value.hazards)
    if (page.value.nextCursor === null) return { kind: 'ok', value: hazards }
    cursor = page.value.nextCursor
  }
}

/**
 * Pulls forms, schools, hazards, latest survey reports and the 待办 with If-None-Match and keeps each in meta (with its ETag),
 * so the app can open forms with no connection. The four requests go out together (on a 150 ms
 * line, one after another cost half a second before every push). A 4xx on one list (a role that
 * may not see hazards) skips that list; a network failure keeps the lists before it in the order
 * above and stops the pull, but not the push that follows.
 */
export async function pullReference(stores: Stores, transport: Transport): Promise<PullOutcome> {
  const pulled: Partial<Record<PulledKey, readonly unknown[]>> = {}
  const all = fetchers(transport)
  // An ETag is only worth sending beside the list it names: "not modified" for a list this phone
  // no longer holds (a sign-out cut short by closing the page) would leave it empty for good.
  const held = new Set(await stores.meta.keys())
  const results = await Promise.all(
    PULLED_KEYS.map(async (key) => {
      const etag = held.has(key) ? await stores.meta.getItem<string>(`etag:${key}`) : null
      return all[key](etag ?? undefined)
    }),
  )
  if (results.some((result) => result.kind === 'unauthorized')) return { kind: 'unauthorized' }
  for (const [index, key] of PULLED_KEYS.entries()) {
    const result = results[index]
    if (result === undefined || result.kind === 'retry') return { kind: 'retry', pulled: pulled as PulledData }
    if (result.kind !== 'ok') continue
    const etagKey = `etag:${key}`
    // Hazards come in pages with no ETag: the same list again is no change to report.
    if (result.etag === undefined && held.has(key) && JSON.stringify(await stores.meta.getItem(key)) === JSON.stringify(result.value)) continue
    await stores.meta.setItem(key, result.value)
    if (key === 'forms') await archiveTemplates(stores, result.value as readonly FormTemplate[])
    if (result.etag === undefined) await stores.meta.removeItem(etagKey)
    else await stores.meta.setItem(etagKey, result.etag)
    pulled[key] = result.value
  }
  return { kind: 'done', pulled: pulled as PulledData }
}
