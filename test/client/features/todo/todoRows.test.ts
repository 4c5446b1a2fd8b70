import { describe, expect, it } from 'vitest'
import type { TodoItem } from '../../../../src/core/todo.js'
import { endOfShanghaiDay } from '../../../../src/core/todoOrder.js'
import type { OutboxRecord } from '../../../../src/client/offline/outbox.js'
import { doneOnPhone, owedCount, todoSections } from '../../../../src/client/features/todo/todoRows.js'

const title = { zh: '项', en: 'item' }
const report: TodoItem = { key: 'report:fire-safety:2026-11', kind: 'report', title, dueAt: endOfShanghaiDay('2026-12-05'), link: '/new/fire-safety?period=2026-11', formId: 'fire-safety', period: '2026-11' }
const hazard: TodoItem = { key: 'hazard:h1', kind: 'hazard', title, dueAt: endOfShanghaiDay('2026-11-28'), link: '/hazards/h1', hazardId: 'h1', severity: 'high' }
const pledge: TodoItem = { key: 'pledge:p@1', kind: 'pledge', title, dueAt: endOfShanghaiDay('2026-12-31'), link: '/pledges/p%401/sign', versionId: 'p@1' }

function record(fields: Partial<OutboxRecord>): OutboxRecord {
  return {
    id: 'r1', formId: 'fire-safety', formVersion: 1, schoolId: 'school-1', userId: 'u', deviceId: 'd', answers: {}, attachments: [],
    startedAt: '2026-12-01T00:00:00.000Z', state: 'queued', attempts: 0, nextAttemptAt: 0, updatedAt: '2026-12-01T00:00:00.000Z', ...fields,
  } as OutboxRecord
}

describe('the 待办 rows on the phone', () => {
  it('a report waiting in the outbox for that form and period is done on the phone, a draft or another period is not', () => {
    expect(doneOnPhone(report, [record({ period: '2026-11' })])).toBe(true)
    expect(doneOnPhone(report, [record({ period: '2026-11', state: 'sending' })])).toBe(true)
    expect(doneOnPhone(report, [record({ period: '2026-11', state: 'draft' })])).toBe(false)
    expect(doneOnPhone(report, [record({ period: '2026-11', state: 'rejected' })])).toBe(false)
    expect(doneOnPhone(report, [record({ period: '2026-10' })])).toBe(false)
  })

  it('a rectification or a signing waiting in the outbox is matched by its subject', () => {
    expect(doneOnPhone(hazard, [record({ formId: 'hazard-rectification', subjectId: 'h1' })])).toBe(true)
    expect(doneOnPhone(hazard, [record({ formId: 'hazard-rectification', subjectId: 'h2' })])).toBe(false)
    expect(doneOnPhone(pledge, [record({ formId: 'pledge-signing', subjectId: 'p@1' })])).toBe(true)
  })

  it('a campaign\'s checklist is done by a report filed for that campaign, not by a routine report of the form', () => {
    const checklist: TodoItem = { key: 'campaign-report:c1', kind: 'report', title, dueAt: endOfShanghaiDay('2026-12-10'), link: '/new/school-buildings?period=2026-12&campaign=c1', formId: 'school-buildings', period: '2026-12', campaignId: 'c1' }
    expect(doneOnPhone(checklist, [record({ formId: 'school-buildings', period: '2026-12', subjectId: 'c1' })])).toBe(true)
    // Filed on a form whose own period is a term: still the campaign's.
    expect(doneOnPhone(checklist, [record({ formId: 'school-buildings', period: '2026-T2', subjectId: 'c1' })])).toBe(true)
    expect(doneOnPhone(checklist, [record({ formId: 'school-buildings', period: '2026-12' })])).toBe(false)
    expect(doneOnPhone(checklist, [record({ formId: 'school-buildings', period: '2026-12', subjectId: 'c2' })])).toBe(false)
    expect(doneOnPhone(checklist, [record({ formId: 'campaign-ack', subjectId: 'c1' })])).toBe(false)
  })

  it('recounts how late from the phone\'s clock, under the headings in their order', () => {
    const sections = todoSections([pledge, report, hazard], [], new Date('2026-12-01T02:00:00Z'))
    expect(sections.map((section) => [section.group, section.rows.map((row) => row.item.key)])).toEqual([
      ['overdue', ['hazard:h1']],
      ['soon', ['report:fire-safety:2026-11']],
      ['pledge', ['pledge:p@1']],
    ])
    expect(sections[0]?.rows[0]?.late).toBe(3)
    // Offline a week later, from the same pull: the report is now late too, the hazard later still.
    const later = todoSections([pledge, report, hazard], [], new Date('2026-12-08T02:00:00Z'))
    expect(later[0]?.rows.map((row) => [row.item.key, row.late])).toEqual([['hazard:h1', 10], ['report:fire-safety:2026-11', 3]])
  })

  it('counts what is owed, not what waits to be delivered', () => {
    const sections = todoSections([pledge, report, hazard], [record({ period: '2026-11' })], new Date('2026-12-01T02:00:00Z'))
    expect(sections.flatMap((section) => section.rows).find((row) => row.item.key === report.key)?.pending).toBe(true)
    expect(owedCount(sections)).toBe(2)
  })
})
