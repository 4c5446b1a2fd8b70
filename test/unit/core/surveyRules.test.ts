import { describe, expect, it } from 'vitest'
import {
  allFields,
  computeRates,
  hasErrors,
  homeVisits,
  issueMessage,
  myopiaScreening,
  physicalHealth,
  surveyTemplates,
  validateAnswers,
  validateSubmission,
  type Answers,
  type FormTemplate,
  type SubmissionEnvelope,
} from '../../../src/core/index.js'
import { enrolment } from '../../../src/core/forms/enrolment.js'
import { specialGroups } from '../../../src/core/forms/special-groups.js'

const myopia = (enrolled: number, screened: number, myopic: number): Answers => ({ enrolled, screened, myopic })

function codes(template: FormTemplate, answers: Answers, previous?: Answers): [string, string, string][] {
  return validateAnswers(template, answers, previous ? { previous } : {}).map((issue) => [issue.fieldId, issue.code, issue.severity])
}

describe('survey rules: whole numbers ≥ 0', () => {
  it('refuses a negative count and a fraction with messages in Chinese', () => {
    const issues = validateAnswers(myopiaScreening, { enrolled: 500, screened: -1, myopic: 2.5 })
    expect(issues.map((issue) => [issue.fieldId, issue.code])).toEqual([
      ['screened', 'min'],
      ['myopic', 'integer'],
    ])
    expect(issues[0]?.message.zh).toBe('不能小于 0')
    expect(issues[1]?.message.zh).toBe('请填写整数')
  })
})

describe('survey rules: a part never above its whole', () => {
  it('accepts myopic ≤ screened ≤ enrolled, equal included', () => {
    expect(codes(myopiaScreening, myopia(500, 500, 500))).toEqual([])
  })

  it('blocks more myopic students than were screened, naming both counts', () => {
    const issues = validateAnswers(myopiaScreening, myopia(500, 480, 481))
    expect(issues.map((issue) => [issue.fieldId, issue.code, issue.severity])).toEqual([['myopic', 'lte', 'error']])
    expect(issues[0]?.message.zh).toBe('“筛查出近视人数”不能大于“筛查人数”')
    expect(issues[0]?.message.en).toBe('"Found myopic" cannot exceed "Students screened"')
  })

  it('blocks more screened than enrolled', () => {
    expect(codes(myopiaScreening, myopia(400, 480, 100))).toEqual([['screened', 'lte', 'error']])
  })
})

describe('survey rules: categories sum to their total', () => {
  const results = { enrolled: 600, tested: 580, excellent: 100, good: 250, pass: 200, fail: 30 }

  it('accepts four levels adding up to the number tested', () => {
    expect(codes(physicalHealth, results)).toEqual([])
  })

  it('blocks levels that do not add up, with the sum and the total in the message', () => {
    const issues = validateAnswers(physicalHealth, { ...results, fail: 20 })
    expect(issues.map((issue) => [issue.fieldId, issue.code, issue.severity])).toEqual([['tested', 'sum', 'error']])
    expect(issues[0]?.message.zh).toBe('各项之和（570）应等于“实测人数”（580）')
  })

  it('counts blank grades as 0 where the template says so (a primary school has no senior grades)', () => {
    const answers = { g1: 50, g2: 50, g3: 50, g4: 50, g5: 50, g6: 50, total: 300 }
    expect(codes(enrolment, answers)).toEqual([])
    expect(codes(enrolment, { ...answers, total: 310 })).toEqual([['total', 'sum', 'error']])
  })

  it('still waits for every part when blanks are not declared as 0', () => {
    expect(codes(specialGroups, { enrolled: 800, disabledTotal: 5, regularClass: 3, homeTeaching: 1, specialSchool: 1, migrant: 90 })).toEqual([])
    expect(codes(specialGroups, { enrolled: 800, disabledTotal: 5, regularClass: 3, homeTeaching: 1, specialSchool: 0, migrant: 90 })).toEqual([
      ['disabledTotal', 'sum', 'error'],
    ])
  })
})

describe('survey rules: a rate moving too far from the last period is a warning', () => {
  const previous = myopia(500, 500, 100)

  it('warns when the rate moves more than the set number of points, with both rates in the message', () => {
    const issues = validateAnswers(myopiaScreening, myopia(500, 500, 130), { previous })
    expect(issues).toEqual([
      {
        fieldId: 'screened',
        code: 'rateChange',
        severity: 'warning',
        message: {
          zh: '“近视率”为 26%，上期为 20%，变化超过 5 个百分点，请核实',
          en: '"Myopia rate" is 26%, last period it was 20%: a change of more than 5 points, please check',
        },
      },
    ])
    expect(hasErrors(issues)).toBe(false)
  })

  it('warns for a fall as well as a rise', () => {
    expect(codes(myopiaScreening, myopia(500, 500, 60), previous)).toEqual([['screened', 'rateChange', 'warning']])
  })

  it('says nothing for a change of exactly the limit', () => {
    expect(codes(myopiaScreening, myopia(500, 500, 125), previous)).toEqual([])
  })

  it('says nothing without a previous report, or when either rate cannot be computed', () => {
    expect(codes(myopiaScreening, myopia(500, 500, 300))).toEqual([])
    expect(codes(myopiaScreening, myopia(500, 500, 300), { enrolled: 500, screened: 0, myopic: 0 })).toEqual([])
  })

  it('is not checked while a count itself is wrong', () => {
    expect(codes(myopiaScreening, myopia(500, -1, 300), previous)).toEqual([['screened', 'min', 'error']])
  })

  it('comes alongside a broken part-of-whole rule, which still blocks', () => {
    expect(codes(myopiaScreening, myopia(500, 480, 490), previous)).toEqual([
      ['myopic', 'lte', 'error'],
      ['screened', 'rateChange', 'warning'],
    ])
  })

  it('lets a submission with only warnings through validateSubmission as not blocking', () => {
    const envelope: SubmissionEnvelope = {
      id: '01900000-0000-7000-8000-000000000001',
      formId: 'home-visits',
      formVersion: 1,
      schoolId: 'school-1',
      period: '2026-T1',
      answers: { families: 400, visited: 400, teachersInvolved: 30 },
      attachments: [],
      startedAt: '2026-03-02T08:00:00.000Z',
      completedAt: '2026-03-02T08:05:00.000Z',
      deviceId: 'd1',
    }
    const issues = validateSubmission(homeVisits, envelope, { previous: { families: 400, visited: 200 } })
    expect(issues.map((issue) => issue.code)).toEqual(['rateChange'])
    expect(hasErrors(issues)).toBe(false)
  })

  it('uses the message template from core', () => {
    expect(issueMessage('rateChange', { rate: '家访率', now: 90, before: 50, limit: 20 }).zh).toContain('家访率')
  })
})

describe('computed rates', () => {
  it('computes 优良率 from excellent + good over tested, to one decimal', () => {
    const rates = computeRates(physicalHealth, { tested: 3, excellent: 1, good: 1, pass: 1, fail: 0 })
    expect(rates).toEqual([
      { id: 'goodRate', label: { zh: '优良率', en: 'Excellent or good' }, percent: 66.7 },
      { id: 'passRate', label: { zh: '及格率', en: 'Pass rate' }, percent: 100 },
    ])
  })

  it('shows no rate until the denominator is a positive number and every numerator part is filled', () => {
    expect(computeRates(homeVisits, { families: 0, visited: 0 })[0]?.percent).toBeNull()
    expect(computeRates(physicalHealth, { tested: 10, excellent: 1 })[0]?.percent).toBeNull()
  })
})

describe('the survey templates', () => {
  it('are at least six, each a survey with a period', () => {
    expect(surveyTemplates.length).toBeGreaterThanOrEqual(6)
    for (const template of surveyTemplates) {
      expect(template.kind, template.id).toBe('survey')
      expect(template.period, template.id).toBeDefined()
    }
  })

  it('ask only for whole numbers ≥ 0', () => {
    for (const template of surveyTemplates) {
      for (const field of allFields(template)) expect(field, `${template.id}.${field.id}`).toMatchObject({ type: 'integer', min: 0 })
    }
  })

  it('name only their own fields and rates in rules and computed rates', () => {
    for (const template of surveyTemplates) {
      const ids = new Set(allFields(template).map((field) => field.id))
      const rates = new Set((template.computed ?? []).map((rate) => rate.id))
      for (const rate of template.computed ?? []) {
        for (const id of [...rate.numerator, rate.denominator]) expect(ids.has(id), `${template.id}: ${id}`).toBe(true)
      }
      for (const rule of template.rules ?? []) {
        const named = rule.kind === 'lte' ? [rule.left, rule.right] : rule.kind === 'sum' ? [...rule.parts, rule.total] : []
        for (const id of named) expect(ids.has(id), `${template.id}: ${id}`).toBe(true)
        if (rule.kind === 'rateChange') expect(rates.has(rule.rate), `${template.id}: ${rule.rate}`).toBe(true)
      }
    }
  })

  it('use unique template ids', () => {
    const ids = surveyTemplates.map((template) => template.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
