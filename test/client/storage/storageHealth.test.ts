import { describe, expect, it } from 'vitest'
import { detectStorageLoss, LOW_SPACE_BYTES, parseMarker, spaceLeft, type StorageMarker } from '../../../src/client/offline/storageHealth.js'

const MB = 1024 * 1024
const marker: StorageMarker = { deviceId: 'dev-1', records: 5, waiting: 2, at: '2026-03-02T08:00:00.000Z' }

describe('space left on the phone', () => {
  it('plenty of room is not low', () => {
    expect(spaceLeft({ usage: 100 * MB, quota: 2000 * MB })).toEqual({ remaining: 1900 * MB, share: 0.95, low: false })
  })
  it('less than 10 % of the quota left is low, even when that is many megabytes', () => {
    expect(spaceLeft({ usage: 9200 * MB, quota: 10_000 * MB })?.low).toBe(true)
  })
  it('less than 50 MB left is low, even when that is a large share of a small quota', () => {
    expect(spaceLeft({ usage: 40 * MB, quota: 80 * MB })?.low).toBe(true)
    expect(LOW_SPACE_BYTES).toBe(50 * MB)
  })
  it('no estimate from the browser gives no figure rather than a guess', () => {
    expect(spaceLeft({ usage: null, quota: null })).toBeNull()
    expect(spaceLeft({ usage: 1, quota: 0 })).toBeNull()
  })
})

describe('noticing that the browser erased the outbox', () => {
  it('a first start (no marker) is not a loss', () => {
    expect(detectStorageLoss(null, { deviceId: null, records: 0 })).toEqual({ lost: false })
  })
  it('the same device id with its records is not a loss', () => {
    expect(detectStorageLoss(marker, { deviceId: 'dev-1', records: 5 })).toEqual({ lost: false })
  })
  it('a missing device id while the marker remembers one is a loss, with how many reports were waiting', () => {
    expect(detectStorageLoss(marker, { deviceId: null, records: 0 })).toEqual({ lost: true, waiting: 2, since: marker.at })
  })
  it('a different device id means IndexedDB was wiped and started over', () => {
    expect(detectStorageLoss(marker, { deviceId: 'dev-2', records: 0 }).lost).toBe(true)
  })
  it('waiting reports that vanished while the id stayed are a loss (only delivery removes them)', () => {
    expect(detectStorageLoss(marker, { deviceId: 'dev-1', records: 0 }).lost).toBe(true)
    expect(detectStorageLoss({ ...marker, waiting: 0 }, { deviceId: 'dev-1', records: 0 }).lost).toBe(false)
  })
  it('a damaged marker is ignored', () => {
    expect(parseMarker('{not json')).toBeNull()
    expect(parseMarker(JSON.stringify({ deviceId: 1 }))).toBeNull()
    expect(parseMarker(JSON.stringify(marker))).toEqual(marker)
  })
})
