import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { reportCells, reportColumns } from '../../../../src/core/exportLayout.js'
import { defaultTemplates, deriveHazards, digestOf, replacedTemplates, validateSubmission } from '../../../../src/core/index.js'
import { storedReport } from './storedReports.js'

type Golden = { digest: string; issues: string[]; hazards: string[]; cells: unknown[] }

// Captured from the code before the form engine (commit 3d95a51): a report filed then must still
// validate, digest, raise hazards and export exactly the same.
const golden = JSON.parse(readFileSync(new URL('./golden.json', import.meta.url), 'utf8')) as Record<string, Golden>

describe('reports filed under every existing template', () => {
  const before = Object.keys(golden)
  const templates = [...defaultTemplates, ...replacedTemplates]

  it('covers every template version captured before the form engine', () => {
    const now = new Set(templates.map((template) => `${template.id}@${template.version}`))
    expect(before.filter((key) => !now.has(key))).toEqual([])
  })

  for (const template of templates) {
    const key = `${template.id}@${template.version}`
    const expected = golden[key]
    if (!expected) continue
    it(`${key} still validates, digests, raises hazards and exports the same`, async () => {
      const report = storedReport(template)
      expect(await digestOf(report)).toBe(expected.digest)
      expect(validateSubmission(template, report).map((issue) => `${issue.severity}:${issue.fieldId}:${issue.code}`)).toEqual(expected.issues)
      expect(deriveHazards(template, report.answers).map((hazard) => hazard.fieldId)).toEqual(expected.hazards)
      expect(reportCells(reportColumns([template]), [template], report.answers, (hash) => `https://x/${hash}`)).toEqual(expected.cells)
    })
  }
})
