import { describe, expect, it, vi } from 'vitest'
import { createFetchTransport } from '../../../src/client/offline/transport.js'

type Seen = { url: string; method: string; headers: Record<string, string>; body: unknown }

function fakeFetch(respond: (seen: Seen, signal: AbortSignal) => Promise<Response> | Response) {
  const seen: Seen[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request: Seen = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>)),
      body: init?.body,
    }
    seen.push(request)
    return respond(request, init?.signal ?? new AbortController().signal)
  }
  return { fetch: fetch as typeof globalThis.fetch, seen }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

const transportWith = (fetch: typeof globalThis.fetch, token: string | null = 'tok-1') =>
  createFetchTransport({ baseUrl: 'http://server', getToken: () => token, fetch, timeoutMs: 50 })

describe('fetch transport', () => {
  it('posts a batch with the bearer token and returns the results', async () => {
    const results = [{ id: 'a', status: 'accepted', receivedAt: '2026-03-02T08:00:00.000Z', digest: 'd' }]
    const { fetch, seen } = fakeFetch(() => json(200, { results }))
    const result = await transportWith(fetch).submit([])
    expect(result).toEqual({ kind: 'ok', value: { results } })
    expect(seen[0]).toMatchObject({
      url: 'http://server/api/v1/submissions',
      method: 'POST',
      headers: { authorization: 'Bearer tok-1', 'content-type': 'application/json' },
      body: JSON.stringify({ submissions: [] }),
    })
  })

  it('maps statuses: 401 unauthorized, 5xx and 429 retry (with Retry-After), other 4xx failed', async () => {
    const cases: [Response, unknown][] = [
      [json(401, { error: { code: 'unauthorized', message: 'no' } }), { kind: 'unauthorized' }],
      [json(503, {}), { kind: 'retry', reason: 'HTTP 503' }],
      [json(429, {}, { 'retry-after': '7' }), { kind: 'retry', reason: 'HTTP 429', retryAfterMs: 7_000 }],
      [
        json(400, { error: { code: 'bad_request', message: 'too many', details: { issues: [] } } }),
        { kind: 'failed', error: { code: 'bad_request', message: 'too many', details: { issues: [] } } },
      ],
      [new Response('<html>proxy</html>', { status: 413 }), { kind: 'failed', error: { code: 'payload_too_large', message: 'HTTP 413' } }],
    ]
    for (const [response, expected] of cases) {
      const { fetch } = fakeFetch(() => response)
      expect(await transportWith(fetch).submit([])).toEqual(expected)
    }
  })

  it('turns a network error and a timeout into retry', async () => {
    const down = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')))
    expect((await transportWith(down.fetch).submit([])).kind).toBe('retry')
    const stuck = fakeFetch(
      (_seen, signal) =>
        new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    )
    expect(await transportWith(stuck.fetch).submit([])).toEqual({ kind: 'retry', reason: 'timeout' })
  })

  it('says offline, not a server fault, when the phone knows it has no network', async () => {
    const down = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')))
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    try {
      expect(await transportWith(down.fetch).submit([])).toEqual({ kind: 'retry', reason: 'offline' })
    } finally {
      onLine.mockRestore()
    }
  })

  it('sends nothing without a token', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, {}))
    expect(await transportWith(fetch, null).fetchForms()).toEqual({ kind: 'unauthorized' })
    expect(seen).toEqual([])
  })

  it('uses If-None-Match and reports 304 as not_modified, ETag on 200', async () => {
    const { fetch, seen } = fakeFetch((request) =>
      request.headers['if-none-match'] === '"v1"' ? new Response(null, { status: 304 }) : json(200, { forms: [] }, { etag: '"v1"' }),
    )
    const transport = transportWith(fetch)
    expect(await transport.fetchForms()).toEqual({ kind: 'ok', value: { forms: [] }, etag: '"v1"' })
    expect(await transport.fetchForms('"v1"')).toEqual({ kind: 'not_modified' })
    expect(seen.map((request) => request.url)).toEqual(['http://server/api/v1/forms', 'http://server/api/v1/forms'])
  })

  it('asks which blobs the server holds in one POST (no HEAD, so no 404 per absent photo) and uploads with PUT and its type', async () => {
    const hash = 'a'.repeat(64)
    const other = 'b'.repeat(64)
    const { fetch, seen } = fakeFetch((request) => {
      if (request.url.endsWith('/attachments/check')) return json(200, { held: seen.length === 1 ? [] : [hash] })
      return json(201, { sha256: hash })
    })
    const transport = transportWith(fetch)
    expect(await transport.checkBlobs([hash, other])).toEqual({ kind: 'ok', value: [] })
    expect(await transport.putBlob(hash, new Uint8Array([1]).buffer, 'image/jpeg')).toEqual({ kind: 'ok', value: 'created' })
    expect(await transport.checkBlobs([hash, other])).toEqual({ kind: 'ok', value: [hash] })
    expect(seen.map((request) => request.method)).toEqual(['POST', 'PUT', 'POST'])
    expect(seen[0]).toMatchObject({ url: 'http://server/api/v1/attachments/check', headers: { 'content-type': 'application/json' } })
    expect(seen[1]).toMatchObject({ method: 'PUT', url: `http://server/api/v1/attachments/${hash}`, headers: { 'content-type': 'image/jpeg' } })
  })
})
