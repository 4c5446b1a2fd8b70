/** Adds a photo hash once (the same picture twice is one blob, one entry), keeping the order. */
export function withPhoto(photos: readonly string[] | undefined, hash: string): string[] {
  const list = [...(photos ?? [])]
  return list.includes(hash) ? list : [...list, hash]
}

export function withoutPhoto(photos: readonly string[] | undefined, hash: string): string[] {
  return (photos ?? []).filter((candidate) => candidate !== hash)
}
