import { describe, expect, it } from 'vitest'
import { hasErrors, referencedHashes, validateAnswers, type ValidationIssue } from '../../../src/core/index.js'
import { codesOf, HASH_A, HASH_B, HASH_C, label, templateOf, validateOne } from './validateFixtures.js'

describe('validateAnswers: the answer set itself', () => {
  it('refuses answers that are not an object', () => {
    const template = templateOf([{ id: 'f', type: 'text', label: label('F') }])
    for (const answers of [null, [], 'x', 3]) {
      expect(validateAnswers(template, answers).map((issue) => issue.code)).toEqual(['type'])
    }
  })

  it('refuses an answer to a field the template does not have', () => {
    const template = templateOf([{ id: 'f', type: 'text', label: label('F') }])
    const issues = validateAnswers(template, { f: 'ok', ghost: 'boo' })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ fieldId: 'ghost', code: 'unknownField', severity: 'error' })
  })

  it('does not mistake inherited object members for answers', () => {
    const template = templateOf([{ id: 'constructor', type: 'text', required: true, label: label('C') }])
    expect(codesOf(validateAnswers(template, {}), 'constructor')).toEqual(['required'])
  })
})

describe('validateAnswers: required fields', () => {
  it('reports a missing required answer', () => {
    expect(validateOne({ type: 'text', required: true }, undefined)).toEqual(['required'])
  })

  it('treats an empty string, a blank string and an empty list as missing', () => {
    expect(validateOne({ type: 'text', required: true }, '')).toEqual(['required'])
    expect(validateOne({ type: 'text', required: true }, '   ')).toEqual(['required'])
    expect(validateOne({ type: 'multi', required: true, options: [{ value: 'a', label: label('A') }] }, [])).toEqual([
      'required',
    ])
  })

  it('lets an optional field be left out', () => {
    expect(validateOne({ type: 'integer' }, undefined)).toEqual([])
  })

  it('counts zero as an answer', () => {
    expect(validateOne({ type: 'integer', required: true }, 0)).toEqual([])
  })
})

describe('validateAnswers: integer and number fields', () => {
  it('refuses a number written as a string', () => {
    expect(validateOne({ type: 'integer' }, '5')).toEqual(['type'])
  })

  it('refuses a fraction in an integer field but not in a number field', () => {
    expect(validateOne({ type: 'integer' }, 2.5)).toEqual(['integer'])
    expect(validateOne({ type: 'number' }, 2.5)).toEqual([])
  })

  it('refuses values below min and above max, naming the limit', () => {
    const template = templateOf([{ id: 'f', type: 'integer', min: 1, max: 10, label: label('F') }])
    const low = validateAnswers(template, { f: 0 })
    expect(low.map((issue) => issue.code)).toEqual(['min'])
    expect(low[0]?.message).toEqual({ zh: '不能小于 1', en: 'Must be at least 1' })
    const high = validateAnswers(template, { f: 11 })
    expect(high.map((issue) => issue.code)).toEqual(['max'])
    expect(high[0]?.message.en).toBe('Must be at most 10')
  })

  it('accepts the limits themselves', () => {
    expect(validateOne({ type: 'integer', min: 1, max: 10 }, 1)).toEqual([])
    expect(validateOne({ type: 'integer', min: 1, max: 10 }, 10)).toEqual([])
  })

  it('refuses non-finite numbers', () => {
    expect(validateOne({ type: 'number' }, Number.NaN)).toEqual(['type'])
    expect(validateOne({ type: 'number' }, Number.POSITIVE_INFINITY)).toEqual(['type'])
  })
})

describe('validateAnswers: text fields', () => {
  it('refuses text longer than maxLength and accepts text of exactly that length', () => {
    expect(validateOne({ type: 'text', maxLength: 5 }, '123456')).toEqual(['maxLength'])
    expect(validateOne({ type: 'text', maxLength: 5 }, '12345')).toEqual([])
  })

  it('limits text without a maxLength to 1000 characters', () => {
    expect(validateOne({ type: 'text' }, 'x'.repeat(1000))).toEqual([])
    expect(validateOne({ type: 'text' }, 'x'.repeat(1001))).toEqual(['maxLength'])
  })

  it('refuses a non-string answer', () => {
    expect(validateOne({ type: 'text' }, 42)).toEqual(['type'])
  })
})

describe('validateAnswers: choice and multi fields', () => {
  const options = [
    { value: 'yes', label: label('Yes') },
    { value: 'no', label: label('No') },
  ]

  it('accepts one of the options and refuses anything else', () => {
    expect(validateOne({ type: 'choice', options }, 'yes')).toEqual([])
    expect(validateOne({ type: 'choice', options }, 'maybe')).toEqual(['option'])
    expect(validateOne({ type: 'choice', options }, ['yes'])).toEqual(['option'])
  })

  it('accepts a list of options for multi and refuses a list with an unknown value', () => {
    expect(validateOne({ type: 'multi', options }, ['yes', 'no'])).toEqual([])
    expect(validateOne({ type: 'multi', options }, ['yes', 'maybe'])).toEqual(['option'])
  })

  it('refuses a single value where multi expects a list', () => {
    expect(validateOne({ type: 'multi', options }, 'yes')).toEqual(['type'])
  })
})

describe('validateAnswers: date fields', () => {
  it('accepts a real YYYY-MM-DD date, including a leap day', () => {
    expect(validateOne({ type: 'date' }, '2026-03-01')).toEqual([])
    expect(validateOne({ type: 'date' }, '2028-02-29')).toEqual([])
  })

  it('refuses impossible and badly written dates', () => {
    for (const value of ['2026-02-30', '2026-02-29', '2026-13-01', '2026-3-1', '2026/03/01', '2026-03-01T00:00:00Z', 20260301]) {
      expect(validateOne({ type: 'date' }, value), String(value)).toEqual(['date'])
    }
  })
})

describe('validateAnswers: photo and signature fields', () => {
  it('accepts a list of SHA-256 hex hashes', () => {
    expect(validateOne({ type: 'photo' }, [HASH_A, HASH_B])).toEqual([])
  })

  it('refuses a hash that is not lowercase 64-digit hex', () => {
    expect(validateOne({ type: 'photo' }, [HASH_A.toUpperCase()])).toEqual(['hash'])
    expect(validateOne({ type: 'photo' }, ['abc'])).toEqual(['hash'])
  })

  it('refuses more photos than the field allows, naming the limit', () => {
    const template = templateOf([{ id: 'f', type: 'photo', max: 2, label: label('F') }])
    const issues = validateAnswers(template, { f: [HASH_A, HASH_B, HASH_C] })
    expect(issues.map((issue) => issue.code)).toEqual(['tooMany'])
    expect(issues[0]?.message).toEqual({ zh: '最多 2 张', en: 'At most 2 items' })
  })

  it('allows nine photos when the field sets no max, but not ten', () => {
    expect(validateOne({ type: 'photo' }, Array(9).fill(HASH_A))).toEqual([])
    expect(validateOne({ type: 'photo' }, Array(10).fill(HASH_A))).toEqual(['tooMany'])
  })

  it('refuses a single hash where a photo list is expected', () => {
    expect(validateOne({ type: 'photo' }, HASH_A)).toEqual(['type'])
  })

  it('accepts a signature hash and refuses anything else', () => {
    expect(validateOne({ type: 'signature' }, HASH_A)).toEqual([])
    expect(validateOne({ type: 'signature' }, 'data:image/png;base64,xyz')).toEqual(['hash'])
    expect(validateOne({ type: 'signature' }, [HASH_A])).toEqual(['hash'])
  })
})

describe('validateAnswers: location fields', () => {
  it('accepts a point inside the bounds, including the bounds themselves', () => {
    expect(validateOne({ type: 'location' }, { lat: 31.23, lng: 121.47, accuracy: 12 })).toEqual([])
    expect(validateOne({ type: 'location' }, { lat: -90, lng: 180, accuracy: 0 })).toEqual([])
  })

  it('refuses a latitude, longitude or accuracy out of range', () => {
    for (const value of [
      { lat: 90.1, lng: 0, accuracy: 5 },
      { lat: -91, lng: 0, accuracy: 5 },
      { lat: 0, lng: 180.5, accuracy: 5 },
      { lat: 0, lng: -181, accuracy: 5 },
      { lat: 0, lng: 0, accuracy: -1 },
      { lat: 0, lng: 0, accuracy: Number.POSITIVE_INFINITY },
      { lat: Number.NaN, lng: 0, accuracy: 5 },
    ]) {
      expect(validateOne({ type: 'location' }, value), JSON.stringify(value)).toEqual(['location'])
    }
  })

  it('refuses a point with a missing or non-numeric member', () => {
    expect(validateOne({ type: 'location' }, { lat: 1, lng: 2 })).toEqual(['location'])
    expect(validateOne({ type: 'location' }, { lat: '1', lng: 2, accuracy: 3 })).toEqual(['location'])
    expect(validateOne({ type: 'location' }, [1, 2, 3])).toEqual(['location'])
  })
})

describe('validateAnswers: check fields', () => {
  const hazard = { description: '灭火器过期', severity: 'high', deadline: '2026-04-01' }

  it('accepts pass, fail and na on a survey', () => {
    for (const result of ['pass', 'fail', 'na']) expect(validateOne({ type: 'check' }, { result })).toEqual([])
  })

  it('refuses a result outside pass, fail and na', () => {
    expect(validateOne({ type: 'check' }, { result: 'ok' })).toEqual(['type'])
    expect(validateOne({ type: 'check' }, 'pass')).toEqual(['type'])
  })

  it('makes a failed check without a hazard an error on an inspection template', () => {
    const template = templateOf([{ id: 'f', type: 'check', label: label('F') }], { kind: 'inspection' })
    const issues = validateAnswers(template, { f: { result: 'fail' } })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ fieldId: 'f', code: 'hazardRequired', severity: 'error' })
    expect(hasErrors(issues)).toBe(true)
  })

  it('also requires the hazard on a canteen template but not on a survey', () => {
    expect(validateOne({ type: 'check' }, { result: 'fail' }, 'canteen')).toEqual(['hazardRequired'])
    expect(validateOne({ type: 'check' }, { result: 'fail' }, 'survey')).toEqual([])
  })

  it('accepts a failed check that names a complete hazard', () => {
    expect(validateOne({ type: 'check' }, { result: 'fail', hazard, photos: [HASH_A] }, 'inspection')).toEqual([])
  })

  it('refuses a hazard with an empty or blank description', () => {
    expect(validateOne({ type: 'check' }, { result: 'fail', hazard: { ...hazard, description: '' } }, 'inspection')).toEqual([
      'hazardDescription',
    ])
    expect(validateOne({ type: 'check' }, { result: 'fail', hazard: { ...hazard, description: '  ' } }, 'inspection')).toEqual([
      'hazardDescription',
    ])
  })

  it('refuses a hazard description longer than 500 characters', () => {
    const long = { ...hazard, description: '火'.repeat(501) }
    expect(validateOne({ type: 'check' }, { result: 'fail', hazard: long }, 'inspection')).toEqual(['maxLength'])
  })

  it('refuses a hazard whose deadline is not a real date', () => {
    for (const deadline of ['2026-02-30', 'next week', '']) {
      expect(validateOne({ type: 'check' }, { result: 'fail', hazard: { ...hazard, deadline } }, 'inspection'), deadline).toEqual([
        'hazardDeadline',
      ])
    }
  })

  it('refuses a hazard with an unknown severity', () => {
    expect(validateOne({ type: 'check' }, { result: 'fail', hazard: { ...hazard, severity: 'urgent' } }, 'inspection')).toEqual([
      'type',
    ])
  })

  it('refuses a note that is not text or is longer than 1000 characters', () => {
    expect(validateOne({ type: 'check' }, { result: 'pass', note: 7 })).toEqual(['type'])
    expect(validateOne({ type: 'check' }, { result: 'pass', note: 'x'.repeat(1001) })).toEqual(['maxLength'])
  })

  it('checks the photos attached to a check like a photo field', () => {
    expect(validateOne({ type: 'check' }, { result: 'pass', photos: ['nothex'] })).toEqual(['hash'])
    expect(validateOne({ type: 'check' }, { result: 'pass', photos: Array(10).fill(HASH_A) })).toEqual(['tooMany'])
  })
})

describe('hasErrors', () => {
  it('is false for no issues and true as soon as one issue is an error', () => {
    const warning: ValidationIssue = { fieldId: 'a', code: 'sum', severity: 'warning', message: { zh: '', en: '' } }
    expect(hasErrors([])).toBe(false)
    expect(hasErrors([warning])).toBe(false)
    expect(hasErrors([warning, { ...warning, severity: 'error' }])).toBe(true)
  })
})

describe('referencedHashes', () => {
  it('collects photo fields, signatures and check photos once each', () => {
    const template = templateOf([
      { id: 'p', type: 'photo', label: label('P') },
      { id: 's', type: 'signature', label: label('S') },
      { id: 'c', type: 'check', label: label('C') },
      { id: 't', type: 'text', label: label('T') },
    ])
    const hashes = referencedHashes(template, {
      p: [HASH_A, HASH_B],
      s: HASH_C,
      c: { result: 'pass', photos: [HASH_A] },
      t: 'd'.repeat(64),
    })
    expect(hashes.sort()).toEqual([HASH_A, HASH_B, HASH_C])
  })
})
