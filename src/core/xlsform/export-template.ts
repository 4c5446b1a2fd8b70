import type { Field, FormTemplate, Rule } from '../forms/types.js'
import {
  choiceColumns, GROUP_BEGIN, GROUP_END, hazardLevelWords, headerOf, kindWords, periodWords, ruleColumns, ruleWords, settingsColumns, severityWords, SHEETS,
  surveyColumns, typeWords, NO, YES, REPEAT_BEGIN, REPEAT_END,
} from './layout.js'
import { printCalculation, printCondition } from './translate.js'
import type { Cell, Workbook } from './sheets.js'

type SurveyKey = keyof typeof surveyColumns
type RuleKey = keyof typeof ruleColumns

function rowOf<K extends string>(columns: Readonly<Record<K, readonly string[]>>, values: Partial<Record<K, Cell | undefined>>): Cell[] {
  return (Object.keys(columns) as K[]).map((key) => values[key] ?? null)
}

const flag = (value: boolean | undefined): Cell => (value === undefined ? null : value ? YES : NO)
const ref = (id: string) => `\${${id}}`

function fieldRow(field: Field): Cell[] {
  const values: Partial<Record<SurveyKey, Cell | undefined>> = {
    type: field.type === 'choice' || field.type === 'multi' ? `${typeWords[field.type]} ${field.id}` : typeWords[field.type],
    id: field.id,
    label: field.label.zh,
    labelEn: field.label.en,
    required: flag(field.required),
    relevant: field.relevant === undefined ? null : printCondition(field.relevant),
    help: field.help?.zh,
    helpEn: field.help?.en,
  }
  if (field.type === 'check') Object.assign(values, { points: field.points, hazard: field.hazardLevel === undefined ? null : hazardLevelWords[field.hazardLevel] })
  if (field.type === 'integer' || field.type === 'number') Object.assign(values, { min: field.min, max: field.max, unit: field.unit?.zh, unitEn: field.unit?.en })
  if (field.type === 'calculate') Object.assign(values, { calculation: printCalculation(field.expression), unit: field.unit?.zh, unitEn: field.unit?.en })
  if (field.type === 'text') values.limit = field.maxLength
  if (field.type === 'photo') values.limit = field.max
  return rowOf(surveyColumns, values)
}

function ruleRow(rule: Rule): Cell[] {
  const severity = rule.severity === undefined ? null : severityWords[rule.severity]
  const values: Partial<Record<RuleKey, Cell | undefined>> = { type: ruleWords[rule.kind], severity }
  if (rule.kind === 'lte') values.formula = `${ref(rule.left)} <= ${ref(rule.right)}`
  if (rule.kind === 'sum') Object.assign(values, { formula: `${rule.parts.map(ref).join(' + ')} = ${ref(rule.total)}`, blankIsZero: flag(rule.blankIsZero) })
  if (rule.kind === 'rateChange') Object.assign(values, { formula: ref(rule.rate), maxPoints: rule.maxPoints })
  return rowOf(ruleColumns, values)
}

/** A template as our workbook: 题目, 选项, 设置 and, when it has rules or rates, 规则. */
export function templateToWorkbook(template: FormTemplate): Workbook {
  const survey: Cell[][] = [headerOf(surveyColumns)]
  const choices: Cell[][] = [headerOf(choiceColumns)]
  for (const section of template.sections) {
    const repeat = section.repeat
    // A repeat's min and max count instances; its 单位 is the instance's name (校车 → 校车 1, 校车 2).
    survey.push(rowOf(surveyColumns, {
      type: repeat ? REPEAT_BEGIN : GROUP_BEGIN, id: section.id, label: section.title.zh, labelEn: section.title.en,
      relevant: section.relevant === undefined ? null : printCondition(section.relevant),
      min: repeat?.min, max: repeat?.max, unit: repeat?.label?.zh, unitEn: repeat?.label?.en,
    }))
    for (const field of section.fields) {
      survey.push(fieldRow(field))
      if (field.type === 'choice' || field.type === 'multi') {
        for (const option of field.options) choices.push([field.id, option.value, option.label.zh, option.label.en])
      }
    }
    survey.push(rowOf(surveyColumns, { type: repeat ? REPEAT_END : GROUP_END }))
  }
  const grading = template.grading?.thresholds.map((step) => `${step.grade}=${step.min}`).join(', ')
  const settings: Cell[][] = [
    headerOf(settingsColumns),
    rowOf(settingsColumns, {
      id: template.id, version: template.version, kind: kindWords[template.kind], title: template.title.zh, titleEn: template.title.en,
      period: template.period === undefined ? null : periodWords[template.period], grading,
    }),
  ]
  const workbook = [{ name: SHEETS.survey, rows: survey }, { name: SHEETS.choices, rows: choices }, { name: SHEETS.settings, rows: settings }]
  const rules: Cell[][] = [headerOf(ruleColumns)]
  for (const rate of template.computed ?? []) {
    const numerator = rate.numerator.map(ref).join(' + ')
    rules.push(rowOf(ruleColumns, {
      type: ruleWords.rate, id: rate.id, label: rate.label.zh, labelEn: rate.label.en,
      formula: `${rate.numerator.length > 1 ? `(${numerator})` : numerator} div ${ref(rate.denominator)}`,
    }))
  }
  for (const rule of template.rules ?? []) rules.push(ruleRow(rule))
  return rules.length > 1 ? [...workbook, { name: SHEETS.rules, rows: rules }] : workbook
}
