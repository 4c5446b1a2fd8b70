const sha256Hex = /^[0-9a-f]{64}$/

export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && sha256Hex.test(value)
}
