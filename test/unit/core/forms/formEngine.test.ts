import { describe, expect, it } from 'vitest'
import { reportCells, reportColumns, repeatRows, repeatSheets } from '../../../../src/core/exportLayout.js'
import { checkTemplate, deriveHazards, finaliseAnswers, foundHazards, itemLabel, referencedHashes, validateAnswers, type Answers } from '../../../../src/core/index.js'
import { bus, busForm } from './engineFixtures.js'

const hazard = { description: '安全带损坏', severity: 'high' as const, deadline: '2026-04-01' }
const HASH = 'e'.repeat(64)

function filled(extra: Record<string, unknown> = {}): Answers {
  return { checkType: 'self', boarders: 'no', pupils: 60, buses: [bus('浙A1', 30), bus('浙A2', 20)], ...extra } as Answers
}

const errors = (answers: unknown) => validateAnswers(busForm, answers).map((issue) => `${issue.fieldId}:${issue.code}`)

describe('the bus form template', () => {
  it('passes the template check', () => {
    expect(checkTemplate(busForm)).toEqual([])
  })
})

describe('finaliseAnswers (what the phone sends)', () => {
  it('fills calculations inside each instance and after the repeat', () => {
    const out = finaliseAnswers(busForm, filled())
    expect(out.buses).toEqual([{ plate: '浙A1', seats: 30, perSeat: 2 }, { plate: '浙A2', seats: 20, perSeat: 3 }])
    expect(out.busCount).toBe(2)
    expect(out.seatTotal).toBe(50)
    expect(errors(out)).toEqual([])
  })

  it('leaves out hidden items: a hidden section, a hidden item in one instance, a count-gated item', () => {
    const out = finaliseAnswers(busForm, filled({
      dormGuard: { result: 'pass' },
      bigFleet: '两辆车不需要',
      buses: [bus('浙A1', 30, { beltNote: '不该发送' }), bus('浙A2', 20, { belts: { result: 'fail', hazard }, beltNote: '卡扣断了' })],
    }))
    expect(out).not.toHaveProperty('dormGuard')
    expect(out).not.toHaveProperty('bigFleet')
    expect(out.buses).toEqual([
      { plate: '浙A1', seats: 30, perSeat: 2 },
      { plate: '浙A2', seats: 20, belts: { result: 'fail', hazard }, beltNote: '卡扣断了', perSeat: 3 },
    ])
    expect(errors(out)).toEqual([])
  })

  it('leaves a form without logic exactly as it was', () => {
    const plain = { checkType: 'self', pupils: 3 }
    const form = { ...busForm, sections: busForm.sections.slice(0, 1) }
    expect(finaliseAnswers(form, plain)).toEqual(plain)
  })

  it('shows the dormitory section to boarding schools and computes days between', () => {
    const out = finaliseAnswers(busForm, filled({ boarders: 'yes', dormGuard: { result: 'pass' }, opened: '2026-02-27', checked: '2026-03-02' }))
    expect(out.days).toBe(3)
    expect(errors(out)).toEqual([])
    expect(errors({ ...out, dormGuard: undefined })).toEqual(['dormGuard:required'])
  })
})

describe('validateAnswers with the form logic', () => {
  it('refuses an answer to a hidden item, with its path', () => {
    const out = finaliseAnswers(busForm, filled())
    expect(errors({ ...out, dormGuard: { result: 'pass' } })).toEqual(['dormGuard:hidden'])
    const buses = [{ ...(out.buses as object[])[0], beltNote: 'x' }, (out.buses as object[])[1]]
    expect(errors({ ...out, buses })).toEqual(['buses[0].beltNote:hidden'])
  })

  it('does not require a hidden required item', () => {
    expect(errors(finaliseAnswers(busForm, filled()))).not.toContain('dormGuard:required')
  })

  it('validates each instance on its own, naming the instance', () => {
    const out = finaliseAnswers(busForm, filled({ buses: [bus('浙A1', 30), { seats: 0 }, bus('浙A3', 10, { belts: { result: 'fail' } })] }))
    expect(errors(out)).toEqual(['buses[1].plate:required', 'buses[1].seats:min', 'buses[2].belts:hazardRequired', 'buses[2].beltNote:required'])
  })

  it('holds the repeat to its min and max, and to its shape', () => {
    expect(errors(finaliseAnswers(busForm, filled({ buses: [] })))).toContain('buses:required')
    const six = Array.from({ length: 6 }, (_, index) => bus(`浙A${index}`, 10))
    expect(errors(finaliseAnswers(busForm, filled({ buses: six })))).toContain('buses:repeatMax')
    expect(errors({ ...finaliseAnswers(busForm, filled()), buses: 'two' })).toContain('buses:type')
    expect(errors({ ...finaliseAnswers(busForm, filled()), buses: [bus('浙A1', 30, { perSeat: 2, wheels: 4 }), 3] })).toEqual(
      expect.arrayContaining(['buses[0].wheels:unknownField', 'buses[1]:type']),
    )
  })

  it('recomputes calculations and refuses a mismatch, a missing result or a result with blank inputs', () => {
    const out = finaliseAnswers(busForm, filled())
    expect(errors({ ...out, seatTotal: 51 })).toEqual(['seatTotal:calculation'])
    expect(validateAnswers(busForm, { ...out, seatTotal: 51 })[0]?.message.zh).toBe('计算结果应为 50')
    const { busCount: _dropped, ...withoutCount } = out
    expect(errors(withoutCount)).toEqual(['busCount:calculation'])
    const noPupils = finaliseAnswers(busForm, filled({ pupils: undefined }))
    expect((noPupils.buses as Record<string, unknown>[])[0]).not.toHaveProperty('perSeat')
    expect(errors({ ...noPupils, buses: [bus('浙A1', 30, { perSeat: 2 }), bus('浙A2', 20)] })).toEqual(['buses[0].perSeat:calculation'])
  })
})

describe('hazards, hashes and exports of repeats', () => {
  const answers = finaliseAnswers(busForm, filled({
    buses: [bus('浙A1', 30, { belts: { result: 'fail', hazard, photos: [HASH] }, beltNote: '一' }), bus('浙A2', 20), bus('浙A3', 20, { belts: { result: 'fail', hazard }, beltNote: '三' })],
  }))

  it('each instance raises its own hazard, with an id fixed by the instance path', () => {
    expect(deriveHazards(busForm, answers).map((each) => each.fieldId)).toEqual(['buses[0].belts', 'buses[2].belts'])
    expect(foundHazards('sub-1', busForm, answers).map((each) => each.id)).toEqual(['sub-1:buses[0].belts', 'sub-1:buses[2].belts'])
    expect(itemLabel(busForm, 'buses[2].belts')).toEqual({ zh: '校车 3 · 中文Belts', en: 'Bus 3 · Belts' })
  })

  it('a hidden failed check raises nothing and its photos do not travel', () => {
    const hidden = { ...answers, boarders: 'no' }
    const form = { ...busForm, sections: busForm.sections.map((section) => (section.id === 'dorm' ? section : section)) }
    expect(deriveHazards(form, { ...hidden, dormGuard: { result: 'fail', hazard, photos: ['f'.repeat(64)] } }).map((each) => each.fieldId)).not.toContain('dormGuard')
    expect(referencedHashes(busForm, { ...hidden, dormGuard: { result: 'fail', hazard, photos: ['f'.repeat(64)] } })).toEqual([HASH])
  })

  it('puts repeats on their own sheet, one row per instance, and not on the main sheet', () => {
    expect(reportColumns([busForm]).map((column) => column.fieldId)).not.toContain('plate')
    const [sheet] = repeatSheets([busForm])
    expect(sheet?.repeatId).toBe('buses')
    const rows = repeatRows(sheet!, [busForm], answers, (hash) => `u/${hash}`)
    expect(rows.map((row) => row.slice(0, 3))).toEqual([[1, '浙A1', 30], [2, '浙A2', 20], [3, '浙A3', 20]])
  })

  it('exports a hidden item as an empty cell, never as a failure or a 0', () => {
    const columns = reportColumns([busForm])
    const cells = reportCells(columns, [busForm], answers, (hash) => hash)
    const guard = columns.findIndex((column) => column.fieldId === 'dormGuard')
    expect(cells.slice(guard, guard + 4)).toEqual([null, null, null, null])
  })
})

describe('inspection summary with the form logic', () => {
  it('counts each bus on its own and leaves a hidden section out of the open items', async () => {
    const { summariseInspection } = await import('../../../../src/core/inspectionSummary.js')
    const answers = finaliseAnswers(busForm, filled({ buses: [bus('A', 1, { belts: { result: 'pass' } }), bus('B', 1, { belts: { result: 'fail', hazard }, beltNote: 'x' }), bus('C', 1)] }))
    expect(summariseInspection(busForm, answers)).toEqual({ pass: 1, fail: 1, na: 0, open: 1, hazards: 1 })
  })
})
