import { describe, expect, it } from 'vitest'
import { allFields, defaultTemplates, hazardRectification, inspectionTemplates } from '../../../src/core/index.js'
import { inspectionInfoSection } from '../../../src/core/forms/inspection-info.js'

describe('the inspection checklists', () => {
  it('cover at least eleven subjects, fire safety and ten more', () => {
    expect(inspectionTemplates.length).toBeGreaterThanOrEqual(11)
    expect(inspectionTemplates.map((template) => template.id)).toEqual(expect.arrayContaining([
      'fire-safety', 'food-hygiene', 'drinking-water', 'school-bus', 'school-buildings', 'traffic-safety',
      'drowning-prevention', 'campus-security', 'infectious-disease', 'hazardous-materials', 'school-surroundings',
    ]))
  })

  it.each(inspectionTemplates.map((template) => [template.id, template] as const))('%s has 8 to 20 check items', (_id, template) => {
    const checks = allFields(template).filter((field) => field.type === 'check')
    expect(checks.length).toBeGreaterThanOrEqual(8)
    expect(checks.length).toBeLessThanOrEqual(20)
  })

  it.each(inspectionTemplates.map((template) => [template.id, template] as const))('%s opens with the shared inspection-info section', (_id, template) => {
    expect(template.kind).toBe('inspection')
    expect(template.sections[0]).toBe(inspectionInfoSection)
  })

  it('are all published by default, with the rectification form', () => {
    for (const template of [...inspectionTemplates, hazardRectification]) expect(defaultTemplates).toContain(template)
  })

  it('use every template id once in the default set', () => {
    const keys = defaultTemplates.map((template) => `${template.id}@${template.version}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('ask for a location stamp only as an optional field', () => {
    const locations = inspectionTemplates.flatMap(allFields).filter((field) => field.type === 'location')
    expect(locations.length).toBeGreaterThan(0)
    for (const field of locations) expect(field.required ?? false).toBe(false)
  })

  it('rectification is its own kind with a note and photos', () => {
    expect(hazardRectification.kind).toBe('rectification')
    const types = allFields(hazardRectification).map((field) => field.type)
    expect(types).toContain('text')
    expect(types).toContain('photo')
  })
})
