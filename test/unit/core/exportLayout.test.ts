import { describe, expect, it } from 'vitest'
import { chinaTime, reportCells, reportColumns } from '../../../src/core/exportLayout.js'
import type { FormTemplate } from '../../../src/core/forms/types.js'

const v1: FormTemplate = {
  id: 'demo',
  version: 1,
  kind: 'inspection',
  title: { zh: '演示', en: 'Demo' },
  sections: [
    {
      id: 's',
      title: { zh: '一', en: 'One' },
      fields: [
        { id: 'gate', type: 'check', label: { zh: '大门', en: 'Gate' } },
        { id: 'old', type: 'text', label: { zh: '旧字段', en: 'Old' } },
      ],
    },
  ],
}

const v2: FormTemplate = {
  ...v1,
  version: 2,
  sections: [
    {
      id: 's',
      title: { zh: '一', en: 'One' },
      fields: [
        { id: 'gate', type: 'check', label: { zh: '校门', en: 'Gate' } },
        { id: 'guards', type: 'integer', label: { zh: '保安人数', en: 'Guards' } },
        { id: 'kinds', type: 'multi', label: { zh: '设施', en: 'Facilities' }, options: [{ value: 'cam', label: { zh: '监控', en: 'Cameras' } }, { value: 'bar', label: { zh: '隔离栏', en: 'Barriers' } }] },
        { id: 'pics', type: 'photo', label: { zh: '照片', en: 'Photos' } },
      ],
    },
  ],
}

const url = (sha: string) => `https://x/api/v1/attachments/${sha}`

describe('report export layout', () => {
  it('a check item spreads over result, note, hazard and photo columns with the newest label', () => {
    expect(reportColumns([v1, v2]).map((column) => column.header)).toEqual([
      '校门', '校门（备注）', '校门（隐患）', '校门（照片）', '保安人数', '设施', '照片', '旧字段',
    ])
  })

  it('a field only an older version had keeps its column, so old reports lose no answer', () => {
    const columns = reportColumns([v1, v2])
    const cells = reportCells(columns, [v1, v2], { gate: { result: 'pass' }, old: '旧答案' }, url)
    expect(cells.at(-1)).toBe('旧答案')
  })

  it('answers become readable cells: labels for choices, numbers as numbers, photos as links', () => {
    const columns = reportColumns([v2])
    const cells = reportCells(
      columns,
      [v2],
      {
        gate: { result: 'fail', note: '锁坏了', photos: ['a1'], hazard: { description: '门锁损坏', severity: 'medium', deadline: '2026-04-01' } },
        guards: 3,
        kinds: ['cam', 'bar'],
        pics: ['b1', 'b2'],
      },
      url,
    )
    expect(cells).toEqual([
      '不合格', '锁坏了', '门锁损坏（较大，整改期限 2026-04-01）', { text: 'https://x/api/v1/attachments/a1', link: 'https://x/api/v1/attachments/a1' },
      3, '监控、隔离栏', 'https://x/api/v1/attachments/b1\nhttps://x/api/v1/attachments/b2',
    ])
  })

  it('an unanswered field is an empty cell', () => {
    expect(reportCells(reportColumns([v2]), [v2], {}, url).every((cell) => cell === null)).toBe(true)
  })

  it('times are shown in 北京时间', () => {
    expect(chinaTime('2026-03-01T16:30:00.000Z')).toBe('2026-03-02 00:30:00')
    expect(chinaTime(null)).toBeNull()
  })
})
