import { describe, expect, it } from 'vitest'
import { allFields, defaultTemplates, fireSafety, validateAnswers, type Text } from '../../../src/core/index.js'
import { inspectionInfoSection } from '../../../src/core/forms/inspection-info.js'
import { passingFireSafetyAnswers } from './fire-safety-answers.js'

function hasBothLanguages(text: Text | undefined): boolean {
  return typeof text?.zh === 'string' && text.zh.trim() !== '' && typeof text.en === 'string' && text.en.trim() !== ''
}

describe('the fire-safety template', () => {
  it('is an inspection template published as a positive version', () => {
    expect(fireSafety.id).toBe('fire-safety')
    expect(fireSafety.kind).toBe('inspection')
    expect(Number.isInteger(fireSafety.version) && fireSafety.version > 0).toBe(true)
  })

  it('has at least ten check items', () => {
    const checks = allFields(fireSafety).filter((field) => field.type === 'check')
    expect(checks.length).toBeGreaterThanOrEqual(10)
  })

  it('gives every check item a positive number of points', () => {
    for (const field of allFields(fireSafety)) {
      if (field.type === 'check') expect(field.points, field.id).toBeGreaterThan(0)
    }
  })

  it('uses each field id only once across all sections', () => {
    const ids = allFields(fireSafety).map((field) => field.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('uses each section id only once', () => {
    const ids = fireSafety.sections.map((section) => section.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('writes its title, section titles, labels and options in both Chinese and English', () => {
    expect(hasBothLanguages(fireSafety.title)).toBe(true)
    for (const section of fireSafety.sections) {
      expect(hasBothLanguages(section.title), section.id).toBe(true)
      for (const field of section.fields) {
        expect(hasBothLanguages(field.label), field.id).toBe(true)
        if (field.help) expect(hasBothLanguages(field.help), field.id).toBe(true)
        if (field.type === 'choice' || field.type === 'multi') {
          for (const option of field.options) expect(hasBothLanguages(option.label), option.value).toBe(true)
        }
      }
    }
  })

  it('opens with the shared inspection-information section', () => {
    expect(fireSafety.sections[0]).toBe(inspectionInfoSection)
    expect(inspectionInfoSection.fields.map((field) => field.id)).toEqual(['checkType', 'inspector', 'checkDate'])
  })

  it('accepts a fully passing, realistic answer set without any issue', () => {
    expect(validateAnswers(fireSafety, passingFireSafetyAnswers())).toEqual([])
  })

  it('asks for every required item when nothing is answered', () => {
    const required = allFields(fireSafety).filter((field) => field.required).map((field) => field.id)
    const issues = validateAnswers(fireSafety, {})
    expect(issues.map((issue) => issue.fieldId).sort()).toEqual([...required].sort())
    expect(issues.every((issue) => issue.code === 'required')).toBe(true)
  })
})

describe('the default templates', () => {
  it('include the fire-safety template and no two templates share an id and version', () => {
    expect(defaultTemplates).toContain(fireSafety)
    const keys = defaultTemplates.map((template) => `${template.id}@${template.version}`)
    expect(new Set(keys).size).toBe(keys.length)
  })
})
