import type { Text } from '../../core/text.js'

/** The yearly school food-safety letter, signed by the principal. */
export function foodSafetyText(year: number): { title: Text; text: Text } {
  return {
    title: { zh: `${year}年度学校食品安全责任书`, en: `School Food Safety Responsibility Letter ${year}` },
    text: {
      zh: `为落实《中华人民共和国食品安全法》和《学校食品安全与营养健康管理规定》，保障学生饮食安全，签订本责任书。

## 一、责任人

校长是学校食品安全**第一责任人**，学校应配备专（兼）职食品安全管理人员。

## 二、责任内容

1. 食堂依法取得食品经营许可证，从业人员持有效健康证明上岗；
2. 严格执行食品原料**索证索票**和进货查验记录制度，不采购、不使用来源不明或过期变质的食品；
3. 落实生熟分开、餐用具清洗消毒制度，防鼠、防蝇、防尘设施完好；
4. 每餐每样食品**留样不少于 125 克，保存 48 小时以上**，并做好记录；
5. 推进“明厨亮灶”，落实学校负责人陪餐制度；
6. 发生疑似食物中毒等事件时，立即停止供餐、保护现场，并在 2 小时内报告区教育局和市场监管部门。

## 三、考核

食品安全工作纳入学校年度考核，发生食品安全责任事故的，依法依规追究有关人员责任。`,
      en: `To carry out the Food Safety Law of the People's Republic of China and the Rules on School Food Safety and Nutrition, and to keep students' food safe, this letter is signed.

## 1. Who is responsible

The principal is the **first responsible person** for food safety at the school; the school names a full-time or part-time food safety officer.

## 2. Duties

1. The canteen holds a valid food business licence; every food worker holds a valid health certificate;
2. **Certificates and receipts** are kept for every purchase and every delivery is checked and recorded; no food of unknown origin, past its date or spoiled is bought or used;
3. Raw and cooked food are kept apart; dishes and utensils are washed and disinfected; screens against rodents, flies and dust are intact;
4. **At least 125 g of every dish of every meal is kept as a sample for at least 48 hours**, and recorded;
5. The kitchen is open or camera-watched ("bright kitchen"), and school leaders eat with the students;
6. On a suspected food poisoning, meals stop at once, the scene is preserved, and the bureau and the market regulator are told within 2 hours.

## 3. Assessment

Food safety counts in the school's yearly assessment; after a food safety accident for which the school is responsible, those responsible are held to account by law and regulation.`,
    },
  }
}
