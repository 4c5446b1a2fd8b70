export type DownloadProgress = { readonly bytes: number; readonly rows: number | null }

export type DownloadResult =
  | { readonly kind: 'ok'; readonly name: string; readonly bytes: number }
  | { readonly kind: 'error'; readonly status: number }
  | { readonly kind: 'network' }

/** The file name the server chose (RFC 5987 filename*), else a fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')
  if (!match?.[1]) return fallback
  try {
    return decodeURIComponent(match[1])
  } catch {
    return fallback
  }
}

/**
 * Fetches an export as a stream, reporting the bytes received as they arrive (the server
 * streams, so there is no total; it sends the row count ahead), then hands the file to the
 * browser through an object URL. The bearer token rules out a plain link.
 */
export async function downloadExport(
  token: string,
  path: string,
  onProgress: (progress: DownloadProgress) => void,
  save: (blob: Blob, name: string) => void = saveBlob,
): Promise<DownloadResult> {
  let response: Response
  try {
    response = await fetch(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' })
  } catch {
    return { kind: 'network' }
  }
  if (!response.ok || !response.body) return { kind: 'error', status: response.status }
  const rowsHeader = response.headers.get('x-export-rows')
  const rows = rowsHeader === null ? null : Number(rowsHeader)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let bytes = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      bytes += value.byteLength
      onProgress({ bytes, rows })
    }
  } catch {
    // The server cuts the stream when an export fails half-way: never save half a file.
    return { kind: 'network' }
  }
  const name = fileNameOf(response.headers.get('content-disposition'), path.split('/').pop()?.split('?')[0] ?? 'export')
  save(new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? 'application/octet-stream' }), name)
  return { kind: 'ok', name, bytes }
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // Some browsers read the URL after click() returns; let it live a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
