import { countField } from './count-field.js'
import type { FormTemplate } from './types.js'

/** 留守儿童与困境儿童关爱, per term, every school kind including kindergartens. */
export const leftBehindChildren: FormTemplate = {
  id: 'left-behind-children',
  version: 1,
  kind: 'survey',
  period: 'term',
  title: { zh: '留守儿童与困境儿童关爱', en: 'Care for left-behind children and children in difficulty' },
  sections: [
    {
      id: 'counts',
      title: { zh: '底数', en: 'Numbers' },
      fields: [
        countField('enrolled', '在校生数', 'Students enrolled'),
        countField('leftBehind', '农村留守儿童数', 'Rural left-behind children'),
        countField('inDifficulty', '困境儿童数（含孤儿、事实无人抚养儿童）', 'Children in difficulty (incl. orphans and de-facto unsupported children)'),
      ],
    },
    {
      id: 'care',
      title: { zh: '关爱措施', en: 'Care' },
      fields: [
        countField('paired', '已落实“一对一”结对帮扶人数', 'Children paired with a teacher one to one'),
        countField('visited', '本学期家访人数', 'Children visited at home this term'),
        countField('counselled', '接受心理辅导人数', 'Children given psychological counselling'),
        { id: 'ledger', type: 'choice', required: true, label: { zh: '是否建立“一人一档”关爱台账', en: 'Is there a care file for each child?' }, options: [
          { value: 'yes', label: { zh: '是', en: 'Yes' } },
          { value: 'no', label: { zh: '否', en: 'No' } },
        ] },
      ],
    },
  ],
  computed: [
    { id: 'pairedRate', label: { zh: '结对帮扶覆盖率', en: 'Share paired with a teacher' }, numerator: ['paired'], denominator: 'leftBehind' },
  ],
  rules: [
    { kind: 'lte', left: 'leftBehind', right: 'enrolled' },
    { kind: 'lte', left: 'inDifficulty', right: 'enrolled' },
    { kind: 'lte', left: 'paired', right: 'enrolled' },
    { kind: 'lte', left: 'visited', right: 'enrolled' },
  ],
}
