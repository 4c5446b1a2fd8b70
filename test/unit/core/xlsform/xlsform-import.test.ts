import { describe, expect, it } from 'vitest'
import { describeProblem, xlsformToTemplate, type Cell, type Workbook } from '../../../../src/core/xlsform/index.js'

const header = ['type', 'name', 'label::中文 (zh)', 'label::English (en)', 'hint::中文 (zh)', 'required', 'appearance']
const choices: Cell[][] = [
  ['list_name', 'name', 'label::中文 (zh)', 'label::English (en)'],
  ['yn', 'yes', '是', 'Yes'],
  ['yn', 'no', '否', 'No'],
  ['rooms', 'dorm', '宿舍', 'Dormitory'],
  ['rooms', 'canteen', '食堂', 'Canteen'],
]
const settings: Cell[][] = [['form_id', 'form_title', 'version'], ['boarding-check', '寄宿制学校检查', '2024051501']]

function workbook(survey: Cell[][], more: Partial<Record<'choices' | 'settings', Cell[][]>> = {}): Workbook {
  return [
    { name: 'survey', rows: [header, ...survey] },
    { name: 'choices', rows: more.choices ?? choices },
    { name: 'settings', rows: more.settings ?? settings },
  ]
}

const problems = (book: Workbook) => xlsformToTemplate(book).problems.map((problem) => describeProblem(problem).zh)

describe('standard XLSForm import', () => {
  it('translates groups, types, labels in both languages, hints and required', () => {
    const result = xlsformToTemplate(workbook([
      ['start', 'start'],
      ['begin group', 'dorm', '宿舍', 'Dormitory'],
      ['select_one yn', 'hasBoarders', '有寄宿生吗', 'Any boarders?', '', 'yes'],
      ['integer', 'beds', '床位数', 'Beds', '按实有床位', 'true()'],
      ['decimal', 'area', '面积', 'Area'],
      ['select_multiple rooms', 'rooms', '有哪些用房', 'Rooms'],
      ['end group'],
      ['text', 'remarks', '备注', 'Remarks'],
      ['date', 'visited', '日期', 'Date'],
      ['image', 'photo', '照片', 'Photo'],
      ['image', 'sign', '签名', 'Signature', '', 'no', 'signature'],
      ['geopoint', 'where', '位置', 'Location'],
    ]))
    expect(result.problems).toEqual([])
    expect(result.warnings.map((warning) => describeProblem(warning).zh)).toEqual([
      "settings 表第 2 行 version 列：版本 '2024051501' 不是小整数，按第 1 版读入（发布时服务器按顺序编号）",
      "survey 表第 2 行 type 列：元数据 'start' 已略过：应用自己记录填报人和时间",
    ])
    expect(result.template).toEqual({
      id: 'boarding-check', version: 1, kind: 'survey', title: { zh: '寄宿制学校检查', en: '寄宿制学校检查' },
      sections: [
        {
          id: 'dorm', title: { zh: '宿舍', en: 'Dormitory' },
          fields: [
            { id: 'hasBoarders', type: 'choice', required: true, label: { zh: '有寄宿生吗', en: 'Any boarders?' }, options: [{ value: 'yes', label: { zh: '是', en: 'Yes' } }, { value: 'no', label: { zh: '否', en: 'No' } }] },
            { id: 'beds', type: 'integer', required: true, label: { zh: '床位数', en: 'Beds' }, help: { zh: '按实有床位', en: '按实有床位' } },
            { id: 'area', type: 'number', label: { zh: '面积', en: 'Area' } },
            { id: 'rooms', type: 'multi', label: { zh: '有哪些用房', en: 'Rooms' }, options: [{ value: 'dorm', label: { zh: '宿舍', en: 'Dormitory' } }, { value: 'canteen', label: { zh: '食堂', en: 'Canteen' } }] },
          ],
        },
        {
          id: 'main', title: { zh: '寄宿制学校检查', en: '寄宿制学校检查' },
          fields: [
            { id: 'remarks', type: 'text', label: { zh: '备注', en: 'Remarks' } },
            { id: 'visited', type: 'date', label: { zh: '日期', en: 'Date' } },
            { id: 'photo', type: 'photo', max: 1, label: { zh: '照片', en: 'Photo' } },
            { id: 'sign', type: 'signature', label: { zh: '签名', en: 'Signature' } },
            { id: 'where', type: 'location', label: { zh: '位置', en: 'Location' } },
          ],
        },
      ],
    })
  })

  it('reads a plain label column for both languages and label::Chinese (zh)', () => {
    const book: Workbook = [
      { name: 'survey', rows: [['type', 'name', 'label', 'label::Chinese (zh)'], ['text', 'a', 'Name', '姓名']] },
      { name: 'settings', rows: [['form_id', 'form_title'], ['plain', 'Plain']] },
    ]
    expect(xlsformToTemplate(book).template?.sections[0]?.fields[0]?.label).toEqual({ zh: '姓名', en: 'Name' })
  })

  it('takes our kind and period from the settings sheet', () => {
    const book = workbook([['integer', 'n', '人数', 'People']], { settings: [['form_id', 'form_title', 'kind', 'period'], ['counts', '统计', 'survey', 'term']] })
    expect(xlsformToTemplate(book).template).toMatchObject({ kind: 'survey', period: 'term' })
  })

  it('refuses, row by row, every construct it cannot carry instead of dropping it', () => {
    const book = workbook([
      ['begin_group', 'g', '组', 'Group'],
      ['begin_group', 'inner', '内组', 'Inner'],
      ['text', 'a', '甲', 'A'],
      ['end_group'],
      ['end_group'],
      ['begin_repeat', 'buses', '校车', 'Buses'],
      ['text', 'plate', '车牌', 'Plate'],
      ['end_repeat'],
      ['note', 'n1', '提示', 'Note'],
      ['calculate', 'c1'],
      ['barcode', 'code', '条码', 'Code'],
      ['select_one yn or_other', 'b', '乙', 'B'],
      ['select_one nolist', 'd', '丁', 'D'],
      ['text', 'e', '戊', 'E', '', '${a} = 1'],
      ['text', 'f', ''],
    ])
    expect(problems(book)).toEqual([
      "survey 表第 3 行 type 列：分组 'g' 内不能再嵌套分组",
      'survey 表第 6 行 type 列：没有对应的 begin_group',
      'survey 表第 7 行 type 列：此版本尚不支持重复组（begin_repeat）',
      'survey 表第 9 行 type 列：此版本尚不支持重复组（begin_repeat）',
      "survey 表第 10 行 type 列：不支持的题型 'note'",
      "survey 表第 11 行 type 列：不支持的题型 'calculate'",
      "survey 表第 12 行 type 列：不支持的题型 'barcode'",
      'survey 表第 13 行 type 列：or_other 此版本不支持：请在选项里加一个“其他”并另设文本题',
      "survey 表第 14 行 type 列：choices 表里没有列表 'nolist'",
      "survey 表第 15 行 required 列：required 只支持 yes/no，不支持条件 '${a} = 1'",
      'survey 表第 16 行 label 列：缺少题目文字',
    ])
  })

  it('refuses relevant, constraint, calculation and choice_filter until the engine has them, and names a broken expression', () => {
    const book: Workbook = [
      { name: 'survey', rows: [['type', 'name', 'label', 'relevant', 'constraint', 'choice_filter'], ['integer', 'a', 'A', "${b} = 'x'", '. >', ''], ['select_one yn', 'b', 'B', '', '', 'x=1']] },
      { name: 'choices', rows: choices },
      { name: 'settings', rows: settings },
    ]
    expect(problems(book)).toEqual([
      'survey 表第 2 行 relevant 列：relevant 此版本尚不支持',
      'survey 表第 2 行 constraint 列：表达式不完整',
      'survey 表第 3 行 choice_filter 列：choice_filter 此版本尚不支持',
    ])
  })

  it('names unknown columns as ignored, and a missing settings sheet or form_id', () => {
    const book: Workbook = [{ name: 'survey', rows: [['type', 'name', 'label', 'bind::oc:itemgroup'], ['text', 'a', 'A', 'x']] }]
    const result = xlsformToTemplate(book)
    expect(result.problems.map((problem) => describeProblem(problem).zh)).toEqual(['settings 表：缺少 settings 表（须填写 form_id 和 form_title）'])
    expect(result.warnings.map((warning) => describeProblem(warning).zh)).toEqual(["survey 表第 1 行 bind::oc:itemgroup 列：不认识的列 'bind::oc:itemgroup'，已忽略"])
  })

  it('passes the result through the core template check, by row', () => {
    const book = workbook([['text', 'bad-name', '甲', 'A']], { settings: [['form_id', 'form_title'], ['Bad_Id', '标题']] })
    expect(problems(book)).toEqual([
      'settings 表第 2 行 编号 列：表单编号须以小写字母开头，只含小写字母、数字和连字符',
      'survey 表第 2 行 编号 列：题目编号须以字母开头，只含字母、数字和下划线，最长 64 个字符',
    ])
  })
})
