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
      ['note', 'n1', '提示', 'Note'],
      ['calculate', 'c1'],
      ['barcode', 'code', '条码', 'Code'],
      ['select_one yn or_other', 'b', '乙', 'B'],
      ['select_one nolist', 'd', '丁', 'D'],
      ['text', 'e', '戊', 'E', '', '${a} = 1'],
      ['text', 'f', ''],
      ['begin_repeat', 'r', '重复', 'Repeat'],
      ['text', 'g1', '己', 'F'],
      ['end_group'],
    ])
    expect(problems(book)).toEqual([
      "survey 表第 3 行 type 列：分组 'g' 内不能再嵌套分组",
      'survey 表第 6 行 type 列：没有对应的 begin_group',
      "survey 表第 7 行 type 列：不支持的题型 'note'",
      'survey 表第 8 行 calculation 列：calculate 须填写 calculation',
      "survey 表第 9 行 type 列：不支持的题型 'barcode'",
      'survey 表第 10 行 type 列：or_other 此版本不支持：请在选项里加一个“其他”并另设文本题',
      "survey 表第 11 行 type 列：choices 表里没有列表 'nolist'",
      "survey 表第 12 行 required 列：required 只支持 yes/no，不支持条件 '${a} = 1'",
      'survey 表第 13 行 label 列：缺少题目文字',
      'survey 表第 16 行 type 列：end_group 与第 14 行的开始不配对',
    ])
  })

  it('translates relevant, constraint, calculation, repeats and their counts into the engine\'s data', () => {
    const book: Workbook = [
      {
        name: 'survey',
        rows: [
          ['type', 'name', 'label', 'relevant', 'constraint', 'calculation', 'repeat_count', 'constraint_message'],
          ['select_one yn', 'hasBus', 'Has buses?'],
          ['integer', 'students', 'Students', '', '. >= 0 and . <= 5000'],
          ['integer', 'riders', 'Riders', "${hasBus} = 'yes'", '. >= 0 and . <= ${students}', '', '', 'too many'],
          ['begin_repeat', 'buses', 'Buses', "selected(${hasBus}, 'yes')"],
          ['integer', 'seats', 'Seats', '', '. > 0 and . <= 70'],
          ['date', 'checked', 'Checked'],
          ['date', 'insured', 'Insured until'],
          ['calculate', 'daysLeft', '', '', '', 'decimal-date-time(${insured}) - decimal-date-time(${checked})'],
          ['end_repeat'],
          ['calculate', 'busCount', '', '', '', 'count(${buses})'],
          ['calculate', 'seatTotal', '', '', '', 'sum(${seats})'],
          ['calculate', 'share', '', 'count(${buses}) >= 1 and not(${riders} = \'\')', '', 'round(${riders} div ${students} * 100, 1)'],
          ['begin_repeat', 'waters', 'Waters', '', '', '', '3'],
          ['text', 'water', 'Name'],
          ['end_repeat'],
        ],
      },
      { name: 'choices', rows: choices },
      { name: 'settings', rows: settings },
    ]
    const result = xlsformToTemplate(book)
    expect(result.problems.map((problem) => describeProblem(problem).zh)).toEqual(['survey 表第 6 行 constraint 列：约束只支持 . >= 数、. <= 数、. <= ${字段}、. >= ${字段}，用 and 连接；\'. > 0\' 不支持'])
    const fixed = xlsformToTemplate(book.map((sheet) => (sheet.name !== 'survey' ? sheet : { ...sheet, rows: sheet.rows.map((cells) => cells.map((cell) => (cell === '. > 0 and . <= 70' ? '. >= 1 and . <= 70' : cell))) })))
    expect(fixed.problems).toEqual([])
    expect(fixed.warnings.map((warning) => describeProblem(warning).zh)).toEqual([
      "settings 表第 2 行 version 列：版本 '2024051501' 不是小整数，按第 1 版读入（发布时服务器按顺序编号）",
      'survey 表第 4 行 constraint_message 列：constraint_message 已略过：应用用自己的中英文提示'])
    const template = fixed.template!
    expect(template.rules).toEqual([{ kind: 'lte', left: 'riders', right: 'students' }])
    const [main, buses, tail, waters] = template.sections
    expect(main?.fields.map((field) => field.id)).toEqual(['hasBus', 'students', 'riders'])
    expect(main?.fields[1]).toMatchObject({ min: 0, max: 5000 })
    expect(main?.fields[2]).toMatchObject({ min: 0, relevant: { op: 'eq', field: 'hasBus', value: 'yes' } })
    expect(buses).toMatchObject({ id: 'buses', repeat: {}, relevant: { op: 'selected', field: 'hasBus', value: 'yes' } })
    expect(buses?.fields[0]).toMatchObject({ min: 1, max: 70 })
    expect(buses?.fields[3]).toMatchObject({ type: 'calculate', expression: { op: 'daysBetween', from: 'checked', to: 'insured' } })
    expect(tail?.fields).toMatchObject([
      { id: 'busCount', type: 'calculate', expression: { op: 'count', repeat: 'buses' } },
      { id: 'seatTotal', type: 'calculate', expression: { op: 'sum', repeat: 'buses', field: 'seats' } },
      {
        id: 'share', type: 'calculate',
        relevant: { op: 'and', conditions: [{ op: 'count', repeat: 'buses', cmp: 'gte', value: 1 }, { op: 'not', condition: { op: 'not', condition: { op: 'answered', field: 'riders' } } }] },
        expression: { op: 'round', digits: 1, arg: { op: '*', args: [{ op: '/', args: [{ field: 'riders' }, { field: 'students' }] }, 100] } },
      },
    ])
    expect(waters).toMatchObject({ repeat: { min: 3, max: 3 } })
  })

  it('refuses choice_filter, a computed repeat_count and a sum over a field outside any repeat', () => {
    const book: Workbook = [
      {
        name: 'survey',
        rows: [
          ['type', 'name', 'label', 'choice_filter', 'repeat_count', 'calculation'],
          ['select_one yn', 'b', 'B', "name = 'yes'"],
          ['begin_repeat', 'r', 'R', '', '${n}'],
          ['integer', 'n', 'N'],
          ['end_repeat'],
          ['integer', 'm', 'M'],
          ['calculate', 'c', '', '', '', 'sum(${m})'],
        ],
      },
      { name: 'choices', rows: choices },
      { name: 'settings', rows: settings },
    ]
    expect(problems(book)).toEqual([
      'survey 表第 2 行 choice_filter 列：choice_filter 此版本不支持',
      "survey 表第 3 行 repeat_count 列：repeat_count 只支持固定次数，不支持 '${n}'",
      'survey 表第 7 行 calculation 列：sum(${m}) 只能汇总重复组里的题目',
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
