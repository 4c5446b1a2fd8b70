import type { CheckField, Section } from './types.js'

/** One checklist item as inspectors word it: required, with points for a scored round. */
export function checkItem(id: string, zh: string, en: string, points = 5): CheckField {
  return { id, type: 'check', required: true, points, label: { zh, en } }
}

/**
 * The closing section every inspection shares: the scene photos and remarks. Photos here are
 * optional; a failed item carries its own photos.
 */
export const inspectionSummarySection: Section = {
  id: 'summary',
  title: { zh: '总体情况', en: 'Summary' },
  fields: [
    { id: 'scenePhotos', type: 'photo', max: 9, label: { zh: '现场照片', en: 'Photos of the site' } },
    { id: 'remarks', type: 'text', maxLength: 500, label: { zh: '其他情况说明', en: 'Other remarks' } },
  ],
}
