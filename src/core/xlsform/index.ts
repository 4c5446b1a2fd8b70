import type { ImportResult } from './import-layout.js'
import { workbookToTemplate } from './import-layout.js'
import { xlsformToTemplate } from './import-xlsform.js'
import { SHEETS } from './layout.js'
import { findSheet, type Workbook } from './sheets.js'

export * from './sheets.js'
export * from './expression.js'
export { templateToWorkbook } from './export-template.js'
export { workbookToTemplate, type ImportResult } from './import-layout.js'
export { xlsformToTemplate } from './import-xlsform.js'
export { describeTemplateChanges, type TemplateChange } from './template-diff.js'

/** Our layout when the workbook has a 题目 sheet, standard XLSForm when it has a survey sheet. */
export function importWorkbook(workbook: Workbook): ImportResult {
  if (findSheet(workbook, [SHEETS.survey])) return workbookToTemplate(workbook)
  if (findSheet(workbook, ['survey'])) return xlsformToTemplate(workbook)
  return {
    template: undefined,
    warnings: [],
    problems: [{ sheet: workbook.map((sheet) => sheet.name).join('、') || '—', message: { zh: '找不到 题目 表或 survey 表：这不像表单模板', en: 'no 题目 or survey sheet: this does not look like a form template' } }],
  }
}
