import { describe, expect, it } from 'vitest'
import {
  allFields,
  canteenGrading,
  FAIL_GRADE,
  gradeFor,
  scoreCanteen,
  validateAnswers,
  type Answers,
  type Field,
  type FormTemplate,
} from '../../../src/core/index.js'
import { canteenAnswers, canteenCheckIds } from './canteen-answers.js'

/** Ten items of 10 points: the score in points is also the percentage. */
function tenByTen(): FormTemplate {
  const fields: Field[] = Array.from({ length: 10 }, (_, index) => ({
    id: `c${index}`,
    type: 'check',
    points: 10,
    label: { zh: `项${index}`, en: `Item ${index}` },
  }))
  return {
    id: 'ten',
    version: 1,
    kind: 'canteen',
    title: { zh: '十项', en: 'Ten' },
    sections: [{ id: 's', title: { zh: '项', en: 'Items' }, fields }],
    grading: { thresholds: [{ grade: 'C', min: 60 }, { grade: 'A', min: 90 }, { grade: 'B', min: 75 }] },
  }
}

function answersWith(passes: number, fails: number, nas = 0): Record<string, { result: 'pass' | 'fail' | 'na' }> {
  const answers: Record<string, { result: 'pass' | 'fail' | 'na' }> = {}
  let index = 0
  for (let i = 0; i < passes; i += 1) answers[`c${index++}`] = { result: 'pass' }
  for (let i = 0; i < fails; i += 1) answers[`c${index++}`] = { result: 'fail' }
  for (let i = 0; i < nas; i += 1) answers[`c${index++}`] = { result: 'na' }
  return answers
}

describe('canteen scoring', () => {
  it('gives full marks and grade A when every item passes', () => {
    expect(scoreCanteen(canteenGrading, canteenAnswers())).toEqual({ score: 100, maxScore: 100, percent: 100, grade: 'A', unanswered: 0 })
  })

  it('grades exactly at a threshold as that grade, one point below as the next one down', () => {
    const template = tenByTen()
    expect(gradeFor(template, 90, 100)).toBe('A')
    expect(gradeFor(template, 89, 100)).toBe('B')
    expect(gradeFor(template, 75, 100)).toBe('B')
    expect(gradeFor(template, 74, 100)).toBe('C')
    expect(gradeFor(template, 60, 100)).toBe('C')
  })

  it('grades a score below the lowest threshold as fail, meaning it needs rectification', () => {
    expect(gradeFor(tenByTen(), 59, 100)).toBe(FAIL_GRADE)
    expect(scoreCanteen(tenByTen(), answersWith(5, 5))).toMatchObject({ score: 50, maxScore: 100, grade: 'fail' })
  })

  it('compares exactly, so 89.99 % is not rounded up to an A', () => {
    expect(gradeFor(tenByTen(), 8999, 10000)).toBe('B')
  })

  it('leaves N/A items out of the maximum, so they neither help nor hurt', () => {
    const score = scoreCanteen(tenByTen(), answersWith(8, 1, 1))
    expect(score).toMatchObject({ score: 80, maxScore: 90, percent: 88.9, grade: 'B' })
    expect(scoreCanteen(tenByTen(), answersWith(9, 0, 1))).toMatchObject({ score: 90, maxScore: 90, percent: 100, grade: 'A' })
  })

  it('counts unanswered items separately and keeps them out of the running maximum', () => {
    expect(scoreCanteen(tenByTen(), answersWith(3, 1))).toMatchObject({ score: 30, maxScore: 40, percent: 75, grade: 'B', unanswered: 6 })
  })

  it('grades a sheet with nothing applicable as fail with 0 %', () => {
    expect(scoreCanteen(tenByTen(), answersWith(0, 0, 10))).toMatchObject({ score: 0, maxScore: 0, percent: 0, grade: 'fail' })
  })

  it('ignores anything in the answers that is not a scored check, such as a forged grade', () => {
    const answers = { ...answersWith(5, 5), grade: 'A', score: 100 } as unknown as Answers
    expect(scoreCanteen(tenByTen(), answers)).toMatchObject({ score: 50, grade: 'fail' })
  })

  it('tries thresholds from the highest down whatever order the template lists them in', () => {
    expect(scoreCanteen(tenByTen(), answersWith(10, 0)).grade).toBe('A')
  })
})

describe('the canteen grading template', () => {
  it('has at least twelve scored check items worth 100 points in all', () => {
    const checks = allFields(canteenGrading).filter((field) => field.type === 'check')
    expect(checks.length).toBeGreaterThanOrEqual(12)
    expect(checks.reduce((sum, field) => sum + (field.type === 'check' ? (field.points ?? 0) : 0), 0)).toBe(100)
  })

  it('covers the items bureaus check: licence, health certificates, samples, open kitchen, leaders eating with students', () => {
    expect(canteenCheckIds).toEqual(expect.arrayContaining(['licence', 'healthCerts', 'purchaseRecords', 'samples', 'openKitchen', 'accompany']))
  })

  it('opens with the inspection information and asks for the meal-fee share as a percentage', () => {
    expect(canteenGrading.sections[0]?.id).toBe('info')
    expect(allFields(canteenGrading).find((field) => field.id === 'mealFeeShare')).toMatchObject({ type: 'number', min: 0, max: 100 })
  })

  it('requires a hazard for a failed item, as inspections do', () => {
    const answers = { ...canteenAnswers(), samples: { result: 'fail' } }
    expect(validateAnswers(canteenGrading, answers).map((issue) => issue.code)).toEqual(['hazardRequired'])
  })

  it('grades a canteen failing samples and disinfection (20 points) as B', () => {
    expect(scoreCanteen(canteenGrading, canteenAnswers({ fail: ['samples', 'disinfection'] }))).toMatchObject({ score: 80, grade: 'B' })
  })
})
