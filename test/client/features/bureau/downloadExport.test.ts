import { afterEach, describe, expect, it, vi } from 'vitest'
import { downloadExport, fileNameOf, type DownloadProgress } from '../../../../src/client/features/bureau/downloadExport.js'

function streamOf(chunks: readonly string[], failAfter?: number): ReadableStream<Uint8Array> {
  let index = 0
  return new ReadableStream({
    pull(controller) {
      if (failAfter !== undefined && index === failAfter) return controller.error(new Error('cut'))
      const chunk = chunks[index++]
      if (chunk === undefined) controller.close()
      else controller.enqueue(new TextEncoder().encode(chunk))
    },
  })
}

function respondWith(body: ReadableStream<Uint8Array>, headers: Record<string, string>, status = 200): void {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status, headers })))
}

afterEach(() => vi.unstubAllGlobals())

describe('downloading an export', () => {
  it('reports the bytes as they arrive with the row count, then saves the whole file under the server’s name', async () => {
    respondWith(streamOf(['abc', 'defg', 'hi']), {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent('近视筛查统计-2026-T1.csv')}`,
      'x-export-rows': '42',
    })
    const progress: DownloadProgress[] = []
    const saved: { name: string; text: string }[] = []
    const result = await downloadExport('token', '/exports/myopia-screening.csv', (step) => progress.push(step), (blob, name) => {
      void blob.text().then((text) => saved.push({ name, text }))
    })
    expect(result).toEqual({ kind: 'ok', name: '近视筛查统计-2026-T1.csv', bytes: 9 })
    expect(progress).toEqual([{ bytes: 3, rows: 42 }, { bytes: 7, rows: 42 }, { bytes: 9, rows: 42 }])
    await vi.waitFor(() => expect(saved).toEqual([{ name: '近视筛查统计-2026-T1.csv', text: 'abcdefghi' }]))
  })

  it('a stream cut half-way saves nothing', async () => {
    respondWith(streamOf(['abc', 'def'], 1), {})
    const save = vi.fn()
    expect(await downloadExport('token', '/exports/x.csv', () => undefined, save)).toEqual({ kind: 'network' })
    expect(save).not.toHaveBeenCalled()
  })

  it('a refused export is an error with its status', async () => {
    respondWith(streamOf(['{}']), {}, 403)
    const save = vi.fn()
    expect(await downloadExport('token', '/exports/x.csv', () => undefined, save)).toEqual({ kind: 'error', status: 403 })
    expect(save).not.toHaveBeenCalled()
  })

  it('a file name falls back when the header has none', () => {
    expect(fileNameOf(null, 'x.xlsx')).toBe('x.xlsx')
    expect(fileNameOf("attachment; filename*=UTF-8''%E4%B8%AD.csv", 'x')).toBe('中.csv')
  })
})
