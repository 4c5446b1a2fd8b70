import { describe, expect, it } from 'vitest'
import { deriveHazards, fireSafety, foundHazards, hazardId, type FormTemplate } from '../../../src/core/index.js'
import { PHOTO_A, PHOTO_B, passingFireSafetyAnswers } from './fire-safety-answers.js'

const blockedExit = { description: '东侧安全出口被杂物堵塞', severity: 'high', deadline: '2026-03-15' } as const
const oldExtinguisher = { description: '三楼灭火器过期', severity: 'medium', deadline: '2026-04-01' } as const

describe('deriveHazards', () => {
  it('finds no hazard when every check passes', () => {
    expect(deriveHazards(fireSafety, passingFireSafetyAnswers())).toEqual([])
  })

  it('turns each failed check with a hazard into a hazard carrying its field id and photos', () => {
    const answers = {
      ...passingFireSafetyAnswers(),
      exits: { result: 'fail', photos: [PHOTO_A, PHOTO_B], hazard: blockedExit },
      extinguishers: { result: 'fail', hazard: oldExtinguisher },
    } as const
    expect(deriveHazards(fireSafety, answers)).toEqual([
      { ...blockedExit, fieldId: 'exits', photos: [PHOTO_A, PHOTO_B] },
      { ...oldExtinguisher, fieldId: 'extinguishers', photos: [] },
    ])
  })

  it('ignores a hazard written on a check that passed or was not applicable', () => {
    const answers = {
      ...passingFireSafetyAnswers(),
      exits: { result: 'pass', hazard: blockedExit },
      drill: { result: 'na', hazard: blockedExit },
    } as const
    expect(deriveHazards(fireSafety, answers)).toEqual([])
  })

  it('ignores a failed check that names no hazard', () => {
    expect(deriveHazards(fireSafety, { ...passingFireSafetyAnswers(), exits: { result: 'fail' } })).toEqual([])
  })

  it('looks only at check fields, in template order', () => {
    const template: FormTemplate = {
      id: 't',
      version: 1,
      kind: 'survey',
      title: { zh: '测', en: 'T' },
      sections: [
        { id: 'a', title: { zh: 'A', en: 'A' }, fields: [{ id: 'second', type: 'check', label: { zh: '二', en: 'Two' } }] },
        { id: 'b', title: { zh: 'B', en: 'B' }, fields: [{ id: 'first', type: 'check', label: { zh: '一', en: 'One' } }] },
      ],
    }
    const hazards = deriveHazards(template, {
      first: { result: 'fail', hazard: oldExtinguisher },
      second: { result: 'fail', hazard: blockedExit },
    })
    expect(hazards.map((hazard) => hazard.fieldId)).toEqual(['second', 'first'])
  })
})

describe('hazardId', () => {
  it('joins the submission id and the field id, so a resend yields the same id', () => {
    const submissionId = '0b7e5c1a-3f4d-4e2a-9c1b-6d8e2f4a1b3c'
    expect(hazardId(submissionId, 'exits')).toBe(`${submissionId}:exits`)
    expect(hazardId(submissionId, 'exits')).toBe(hazardId(submissionId, 'exits'))
  })

  it('differs between fields of one submission and between submissions', () => {
    expect(hazardId('s1', 'exits')).not.toBe(hazardId('s1', 'alarm'))
    expect(hazardId('s1', 'exits')).not.toBe(hazardId('s2', 'exits'))
  })
})

describe('foundHazards', () => {
  it('gives each hazard the id the server stores it under and trims the responsible person (blank: nobody)', () => {
    const answers = {
      ...passingFireSafetyAnswers(),
      exits: { result: 'fail', hazard: { ...blockedExit, responsible: '  总务处 李主任 ' } },
      extinguishers: { result: 'fail', hazard: { ...oldExtinguisher, responsible: '  ' } },
    } as const
    expect(foundHazards('0193-report', fireSafety, answers).map(({ id, responsible }) => ({ id, responsible }))).toEqual([
      { id: hazardId('0193-report', 'exits'), responsible: '总务处 李主任' },
      { id: hazardId('0193-report', 'extinguishers'), responsible: null },
    ])
  })
})
