import { describe, expect, it } from 'vitest'
import { canonicalJson, digestOf, sha256Hex } from '../../../src/core/index.js'

describe('canonicalJson', () => {
  it('writes the same text whatever order the keys were added in', () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}')
    expect(canonicalJson({ a: 2, b: 1 })).toBe(canonicalJson({ b: 1, a: 2 }))
  })

  it('sorts keys inside nested objects and objects inside arrays', () => {
    const value = { z: [{ y: 1, x: [2, { d: 4, c: 3 }] }], a: { n: null, m: 'é' } }
    expect(canonicalJson(value)).toBe('{"a":{"m":"é","n":null},"z":[{"x":[2,{"c":3,"d":4}],"y":1}]}')
  })

  it('keeps the order of array items', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]')
  })

  it('leaves out undefined members but writes undefined array items as null, like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}')
    expect(canonicalJson([1, undefined, 3])).toBe('[1,null,3]')
    expect(canonicalJson([1, undefined, 3])).toBe(JSON.stringify([1, undefined, 3]))
  })

  it('writes no whitespace and escapes strings as JSON does', () => {
    expect(canonicalJson({ 'a b': 'line\n"q"' })).toBe('{"a b":"line\\n\\"q\\""}')
  })

  it('parses back to an equal value', () => {
    const value = { id: 'x', answers: { n: 3, list: ['a', 'b'], nested: { ok: true } } }
    expect(JSON.parse(canonicalJson(value))).toEqual(value)
  })

  it('throws on numbers JSON cannot carry, wherever they are', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError)
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(TypeError)
    expect(() => canonicalJson([1, [Number.NEGATIVE_INFINITY]])).toThrow(TypeError)
  })
})

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vector for "abc"', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('matches the known digest of the empty string', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })

  it('hashes a string as its UTF-8 bytes, whether given as text, bytes or a buffer', async () => {
    const bytes = new TextEncoder().encode('消防')
    const fromText = await sha256Hex('消防')
    expect(await sha256Hex(bytes)).toBe(fromText)
    expect(await sha256Hex(bytes.buffer)).toBe(fromText)
  })

  it('hashes only the bytes a Uint8Array view covers', async () => {
    const whole = new TextEncoder().encode('xxabcxx')
    expect(await sha256Hex(whole.subarray(2, 5))).toBe(await sha256Hex('abc'))
  })
})

describe('digestOf', () => {
  it('is the sha256 of the canonical JSON, so key order does not change it', async () => {
    expect(await digestOf({ b: 1, a: 'c' })).toBe(await sha256Hex('{"a":"c","b":1}'))
    expect(await digestOf({ a: 'c', b: 1 })).toBe(await digestOf({ b: 1, a: 'c' }))
  })

  it('changes when any value changes', async () => {
    expect(await digestOf({ a: 1 })).not.toBe(await digestOf({ a: 2 }))
  })
})
