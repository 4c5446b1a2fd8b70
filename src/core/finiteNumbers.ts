/**
 * The path to the first number in `value` that is not finite (Infinity, -Infinity, NaN), or
 * null. JSON cannot carry such a number, yet JSON.parse turns `1e309` into Infinity: a value
 * holding one has no canonical JSON, so no digest, and no database column takes it.
 * Walked without recursion, like the server's input guard.
 */
export function nonFinitePath(value: unknown): readonly string[] | null {
  const stack: { value: unknown; path: readonly string[] }[] = [{ value, path: [] }]
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: readonly string[] }
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return path
      continue
    }
    // Bytes (an uploaded photo) hold no JSON numbers: walking them would visit every byte.
    if (current === null || typeof current !== 'object' || ArrayBuffer.isView(current) || current instanceof ArrayBuffer) continue
    for (const [key, child] of Object.entries(current)) stack.push({ value: child, path: [...path, key] })
  }
  return null
}
