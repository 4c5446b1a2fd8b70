// Draws the app icons (a white check mark on the brand teal) as PNG files without any image
// library; run once, the PNGs are committed. `node scripts/make-icons.mjs`
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)))
}

function icon(size, { maskable }) {
  const teal = [0x0f, 0x76, 0x6e]
  const rows = []
  const radius = maskable ? 0 : size * 0.18
  const scale = maskable ? 0.7 : 1
  for (let y = 0; y < size; y++) {
    const row = [0]
    for (let x = 0; x < size; x++) {
      const cx = Math.min(x, size - 1 - x)
      const cy = Math.min(y, size - 1 - y)
      const outside = cx < radius && cy < radius && Math.hypot(radius - cx, radius - cy) > radius
      const u = (x / size - 0.5) / scale + 0.5
      const v = (y / size - 0.5) / scale + 0.5
      const d = Math.min(distanceToSegment(u, v, 0.27, 0.52, 0.43, 0.68), distanceToSegment(u, v, 0.43, 0.68, 0.74, 0.34))
      const mark = d < 0.06
      const [r, g, b] = mark ? [255, 255, 255] : teal
      row.push(r, g, b, outside ? 0 : 255)
    }
    rows.push(Buffer.from(row))
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

writeFileSync('public/icon-192.png', icon(192, { maskable: false }))
writeFileSync('public/icon-512.png', icon(512, { maskable: false }))
writeFileSync('public/icon-maskable-512.png', icon(512, { maskable: true }))
writeFileSync('public/apple-touch-icon.png', icon(180, { maskable: true }))
