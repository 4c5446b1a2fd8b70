import { onBeforeUnmount, reactive, watch } from 'vue'
import { services, stores } from '../../appServices.js'
import { getBlob } from '../../offline/blobStore.js'

/**
 * Object URLs for photo hashes: from the phone's own blob store first (works offline), else
 * from the server with the session token (a hazard photo another phone took). Every URL is
 * revoked when its hash leaves the list or the component unmounts.
 */
export function usePhotoUrls(hashes: () => readonly string[]) {
  const urls = reactive<Record<string, string>>({})
  const loading = new Set<string>()
  let alive = true

  async function fromServer(hash: string): Promise<Blob | null> {
    // The session from IndexedDB, not the auth store: the picker also renders outside the app shell.
    const token = (await services.refreshSession())?.token
    if (!token || !navigator.onLine) return null
    try {
      const response = await fetch(`/api/v1/attachments/${hash}`, { headers: { authorization: `Bearer ${token}` } })
      return response.ok ? await response.blob() : null
    } catch {
      return null
    }
  }

  async function load(hash: string): Promise<void> {
    loading.add(hash)
    const local = await getBlob(stores, hash)
    const blob = local.kind === 'ok' ? new Blob([local.blob.bytes], { type: local.blob.type }) : await fromServer(hash)
    loading.delete(hash)
    if (!blob || !alive || !hashes().includes(hash)) return
    urls[hash] = URL.createObjectURL(blob)
  }

  watch(
    () => [...hashes()],
    (current) => {
      for (const hash of Object.keys(urls)) {
        if (current.includes(hash)) continue
        URL.revokeObjectURL(urls[hash] ?? '')
        delete urls[hash]
      }
      for (const hash of current) if (urls[hash] === undefined && !loading.has(hash)) void load(hash)
    },
    { immediate: true },
  )

  onBeforeUnmount(() => {
    alive = false
    for (const url of Object.values(urls)) URL.revokeObjectURL(url)
  })

  return urls
}
