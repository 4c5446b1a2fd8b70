import type {
  ApiError,
  BlobCheckResponse,
  ErrorCode,
  FormsResponse,
  HazardsPage,
  LatestReportsResponse,
  SchoolsResponse,
  SubmissionEnvelope,
  SubmitResponse,
} from '../../core/protocol.js'
import type { CampaignsResponse, NoticesResponse } from '../../core/noticeProtocol.js'
import type { TodoResponse } from '../../core/todo.js'

/**
 * What a request came to, as a value. `retry` covers everything that only delays (network
 * error, timeout, 5xx, 429); `failed` is a 4xx the same request would get again.
 */
export type TransportResult<T> =
  | { readonly kind: 'ok'; readonly value: T; readonly etag?: string }
  | { readonly kind: 'not_modified' }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly kind: 'failed'; readonly error: ApiError }

/** The server as the sync engine sees it; tests replace it with a scripted fake. */
export type Transport = {
  submit(envelopes: readonly SubmissionEnvelope[]): Promise<TransportResult<SubmitResponse>>
  /** Of these hashes (≤ BLOB_CHECK_MAX), the ones the server holds for this user's scope. */
  checkBlobs(hashes: readonly string[]): Promise<TransportResult<readonly string[]>>
  putBlob(hash: string, bytes: ArrayBuffer, type: string): Promise<TransportResult<'created' | 'exists'>>
  fetchForms(etag?: string): Promise<TransportResult<FormsResponse>>
  fetchSchools(etag?: string): Promise<TransportResult<SchoolsResponse>>
  /** One page of the hazards in the user's scope; pass the previous page's nextCursor for the next. */
  fetchHazards(cursor?: string): Promise<TransportResult<HazardsPage>>
  /** The school's current survey reports of the latest periods: prefill and last-period comparisons offline. */
  fetchLatestReports(etag?: string): Promise<TransportResult<LatestReportsResponse>>
  /** The school's 待办 (a 403 for the district's people, whose pull then skips it). */
  fetchTodo(etag?: string): Promise<TransportResult<TodoResponse>>
  /** One page of the notices (and of the campaigns) sent to the user's school, paged like the hazards. */
  fetchNotices(cursor?: string): Promise<TransportResult<NoticesResponse>>
  fetchCampaigns(cursor?: string): Promise<TransportResult<CampaignsResponse>>
}

export type FetchTransportOptions = {
  /** Origin (or prefix) before /api/v1, e.g. '' for same-origin or 'http://localhost:8080'. */
  readonly baseUrl: string
  /** The session token, or null when signed out (then nothing is sent: unauthorized). */
  readonly getToken: () => string | null | Promise<string | null>
  readonly fetch?: typeof fetch
  /** Abort a request after this long; default 30 s (one bar of signal is slow, not dead). */
  readonly timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 30_000

/** Retry-After is seconds or an HTTP date. */
function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: Partial<ApiError> }
    if (body.error !== undefined && typeof body.error.code === 'string') {
      return {
        code: body.error.code,
        message: typeof body.error.message === 'string' ? body.error.message : response.statusText,
        ...(body.error.details === undefined ? {} : { details: body.error.details }),
      }
    }
  } catch {
    // A proxy's HTML error page: fall through to a generic error.
  }
  const code: ErrorCode = response.status === 413 ? 'payload_too_large' : response.status === 404 ? 'not_found' : 'bad_request'
  return { code, message: `HTTP ${response.status}` }
}

/** The /api/v1 client over fetch: every outcome becomes a TransportResult, nothing throws. */
export function createFetchTransport(options: FetchTransportOptions): Transport {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS

  async function request<T>(
    method: string,
    path: string,
    init: { body?: BodyInit; contentType?: string; etag?: string | undefined },
    read: (response: Response) => Promise<T>,
  ): Promise<TransportResult<T>> {
    const token = await options.getToken()
    if (token === null) return { kind: 'unauthorized' }
    const headers: Record<string, string> = { authorization: `Bearer ${token}` }
    if (init.contentType !== undefined) headers['content-type'] = init.contentType
    if (init.etag !== undefined) headers['if-none-match'] = init.etag
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      const response = await doFetch(`${options.baseUrl}/api/v1${path}`, {
        method,
        headers,
        signal: controller.signal,
        cache: 'no-store',
        ...(init.body === undefined ? {} : { body: init.body }),
      })
      if (response.status === 304) return { kind: 'not_modified' }
      if (response.status === 401) return { kind: 'unauthorized' }
      if (response.status === 429 || response.status === 408 || response.status >= 500) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now())
        return { kind: 'retry', reason: `HTTP ${response.status}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) }
      }
      if (response.status >= 400) return { kind: 'failed', error: await readError(response) }
      const etag = response.headers.get('etag')
      const value = await read(response)
      return { kind: 'ok', value, ...(etag === null ? {} : { etag }) }
    } catch (error) {
      // Network down, aborted by the timer, or a 2xx body cut short: all only delay. A cut-short
      // submit reply may hide a commit; the resend then comes back as duplicate.
      // A phone that knows it has no network says so: the outbox then shows "offline", not a fault.
      const offline = globalThis.navigator?.onLine === false
      return { kind: 'retry', reason: controller.signal.aborted ? 'timeout' : offline ? 'offline' : String(error) }
    } finally {
      clearTimeout(timer)
    }
  }

  const json = <T>(response: Response): Promise<T> => response.json() as Promise<T>
  const page =
    <T>(path: string) =>
    (cursor?: string) =>
      request('GET', cursor === undefined ? path : `${path}?cursor=${encodeURIComponent(cursor)}`, {}, json<T>)

  return {
    submit: (envelopes) =>
      request('POST', '/submissions', { body: JSON.stringify({ submissions: envelopes }), contentType: 'application/json' }, json<SubmitResponse>),
    checkBlobs: (hashes) =>
      request('POST', '/attachments/check', { body: JSON.stringify({ hashes }), contentType: 'application/json' }, async (response) =>
        (await json<BlobCheckResponse>(response)).held,
      ),
    putBlob: (hash, bytes, type) =>
      request('PUT', `/attachments/${hash}`, { body: bytes, contentType: type }, async (response) =>
        response.status === 201 ? ('created' as const) : ('exists' as const),
      ),
    fetchForms: (etag) => request('GET', '/forms', { etag }, json<FormsResponse>),
    fetchSchools: (etag) => request('GET', '/schools', { etag }, json<SchoolsResponse>),
    fetchHazards: page<HazardsPage>('/hazards'),
    fetchLatestReports: (etag) => request('GET', '/reports/latest', { etag }, json<LatestReportsResponse>),
    fetchTodo: (etag) => request('GET', '/todo', { etag }, json<TodoResponse>),
    fetchNotices: page<NoticesResponse>('/notices'),
    fetchCampaigns: page<CampaignsResponse>('/campaigns'),
  }
}
