import type { FormTemplate } from '../../core/forms/types.js'
import type { CampaignListItem, NoticeListItem } from '../../core/noticeProtocol.js'
import type { Hazard, LatestReport, School } from '../../core/protocol.js'
import type { TodoItem } from '../../core/todo.js'
import { archiveTemplates } from './formArchive.js'
import { SESSION_KEY, type Session } from './session.js'
import type { Stores } from './storage.js'
import type { Transport, TransportResult } from './transport.js'

/** What changed on the server since the last pull; absent keys were unchanged (304) or not fetched. */
export type PulledData = {
  readonly forms?: readonly FormTemplate[]
  readonly schools?: readonly School[]
  readonly hazards?: readonly Hazard[]
  readonly reports?: readonly LatestReport[]
  readonly todo?: readonly TodoItem[]
  readonly notices?: readonly NoticeListItem[]
  readonly campaigns?: readonly CampaignListItem[]
}

/** Meta keys the app reads offline: arrays as the server last sent them, removed (with their ETags) at sign-out. */
export const PULLED_KEYS = ['forms', 'schools', 'hazards', 'reports', 'todo', 'notices', 'campaigns'] as const
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
    hazards: () => allPages((cursor) => transport.fetchHazards(cursor), (page) => page.hazards),
    reports: unwrap((etag) => transport.fetchLatestReports(etag), (value) => value.reports),
    // The items alone: the phone recounts "how late" from its own clock, so when they were made is not kept.
    todo: unwrap((etag) => transport.fetchTodo(etag), (value) => value.items),
    notices: () => allPages((cursor) => transport.fetchNotices(cursor), (page) => page.notices),
    campaigns: () => allPages((cursor) => transport.fetchCampaigns(cursor), (page) => page.campaigns),
  }
}

/**
 * Every page of a paged list (the hazards, notices, campaigns in scope), following the cursor to
 * the end: a list cut at some page size would silently hide the rest. A page that fails fails the
 * whole list, so the phone keeps the last complete one instead of half of a new one.
 */
async function allPages<P extends { readonly nextCursor: string | null }>(
  fetch: (cursor?: string) => Promise<TransportResult<P>>,
  items: (page: P) => readonly unknown[],
): Promise<TransportResult<readonly unknown[]>> {
  const all: unknown[] = []
  let cursor: string | undefined
  for (;;) {
    const page = await fetch(cursor)
    if (page.kind !== 'ok') return page
    all.push(...items(page.value))
    if (page.value.nextCursor === null) return { kind: 'ok', value: all }
    cursor = page.value.nextCursor
  }
}

/**
 * Pulls forms, schools, hazards, latest survey reports, the 待办, notices and campaigns (with
 * If-None-Match where the list has an ETag) and keeps each in meta, so the app can open forms and
 * read notices with no connection. The requests go out together (on a 150 ms line, one after
 * another cost half a second before every push). A 4xx on one list (a role that may not see
 * hazards) skips that list; a network failure keeps the lists before it in the order above and
 * stops the pull, but not the push that follows. `only` pulls some of the lists (a screen's own).
 */
export async function pullReference(stores: Stores, transport: Transport, only: readonly PulledKey[] = PULLED_KEYS): Promise<PullOutcome> {
  const pulled: Partial<Record<PulledKey, readonly unknown[]>> = {}
  const all = fetchers(transport)
  // An ETag is only worth sending beside the list it names: "not modified" for a list this phone
  // no longer holds (a sign-out cut short by closing the page) would leave it empty for good.
  const [held, session] = await Promise.all([stores.meta.keys().then((keys) => new Set(keys)), stores.meta.getItem<Session>(SESSION_KEY)])
  // Notices and campaigns are a school's to read offline; the district's people (no school) read
  // theirs on the bureau's screens, online, and would otherwise pull every page of them each pass.
  const keys = session?.user.schoolId === null ? only.filter((key) => key !== 'notices' && key !== 'campaigns') : only
  const results = await Promise.all(
    keys.map(async (key) => {
      const etag = held.has(key) ? await stores.meta.getItem<string>(`etag:${key}`) : null
      return all[key](etag ?? undefined)
    }),
  )
  if (results.some((result) => result.kind === 'unauthorized')) return { kind: 'unauthorized' }
  for (const [index, key] of keys.entries()) {
    const result = results[index]
    if (result === undefined || result.kind === 'retry') return { kind: 'retry', pulled: pulled as PulledData }
    if (result.kind !== 'ok') continue
    const etagKey = `etag:${key}`
    // Paged lists come with no ETag: the same list again is no change to report.
    if (result.etag === undefined && held.has(key) && JSON.stringify(await stores.meta.getItem(key)) === JSON.stringify(result.value)) continue
    await stores.meta.setItem(key, result.value)
    if (key === 'forms') await archiveTemplates(stores, result.value as readonly FormTemplate[])
    if (result.etag === undefined) await stores.meta.removeItem(etagKey)
    else await stores.meta.setItem(etagKey, result.etag)
    pulled[key] = result.value
  }
  return { kind: 'done', pulled: pulled as PulledData }
}
