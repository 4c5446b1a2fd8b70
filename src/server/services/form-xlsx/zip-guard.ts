import { inflateRawSync } from 'node:zlib'

/** How much an uploaded .xlsx may hold once unpacked; a form's workbook is a few dozen KB. */
export type ZipLimits = { readonly maxEntries: number; readonly maxInflatedBytes: number }

export class ZipRefused extends Error {}

/**
 * Unpacks every entry of a zip once, counting real output bytes (not the sizes the archive
 * declares, which a zip bomb fakes), and refuses past the limits — before ExcelJS, which inflates
 * every entry whole into memory, ever sees the file. Zip64, encryption and methods other than
 * stored/deflate are refused: no spreadsheet program writes them for a small workbook.
 */
export function checkZip(bytes: Buffer, limits: ZipLimits): void {
  const tail = Math.max(0, bytes.length - 65_557)
  let end = -1
  for (let at = bytes.length - 22; at >= tail; at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) { end = at; break }
  }
  if (end < 0) throw new ZipRefused('not a zip archive')
  const entries = bytes.readUInt16LE(end + 10)
  const directoryOffset = bytes.readUInt32LE(end + 16)
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw new ZipRefused('zip64 archives are not accepted')
  if (entries > limits.maxEntries) throw new ZipRefused(`more than ${limits.maxEntries} entries`)
  let budget = limits.maxInflatedBytes
  let at = directoryOffset
  for (let index = 0; index < entries; index++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new ZipRefused('broken central directory')
    const flags = bytes.readUInt16LE(at + 8)
    const method = bytes.readUInt16LE(at + 10)
    const compressed = bytes.readUInt32LE(at + 20)
    const local = bytes.readUInt32LE(at + 42)
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
    if (flags & 1) throw new ZipRefused('encrypted entries are not accepted')
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw new ZipRefused('broken local header')
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    if (start + compressed > bytes.length) throw new ZipRefused('truncated entry')
    const data = bytes.subarray(start, start + compressed)
    let size: number
    if (method === 0) size = data.length
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: budget + 1 }).length
      } catch (error) {
        if (error instanceof RangeError) throw new ZipRefused(`unpacks to more than ${limits.maxInflatedBytes} bytes`)
        throw new ZipRefused('an entry does not unpack')
      }
    } else throw new ZipRefused(`compression method ${method} is not accepted`)
    budget -= size
    if (budget < 0) throw new ZipRefused(`unpacks to more than ${limits.maxInflatedBytes} bytes`)
  }
}
