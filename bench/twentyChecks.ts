// Issue 8 times "tap submit → saved on this phone" with a 20-item checklist and three photos; no
// built-in inspection has 20 items (the longest has 14), so the benchmark publishes one through
// the admin API like a bureau would: food hygiene's 12 checks plus 8 more from the dormitory round.
import { allFields, type FormTemplate } from '../src/core/forms/types.js'
import { checkItem } from '../src/core/forms/check-item.js'
import { foodHygiene } from '../src/core/forms/food-hygiene.js'

const summary = foodHygiene.sections[foodHygiene.sections.length - 1]
if (!summary) throw new Error('food hygiene has no summary section')

export const TWENTY_CHECKS: FormTemplate = {
  ...foodHygiene,
  id: 'bench-twenty-checks',
  version: 1,
  title: { zh: '食堂与宿舍联合检查（20项）', en: 'Canteen and dormitory round (20 items)' },
  sections: [
    ...foodHygiene.sections.slice(0, -1),
    {
      id: 'dormitory',
      title: { zh: '宿舍安全', en: 'Dormitory safety' },
      fields: [
        checkItem('dormExits', '宿舍安全出口、疏散通道畅通，无上锁', 'Dormitory exits and escape routes clear, never locked'),
        checkItem('dormLights', '应急照明、疏散指示标志完好有效', 'Emergency lighting and exit signs working'),
        checkItem('dormWiring', '无私拉乱接电线、无违规电器', 'No makeshift wiring or banned appliances'),
        checkItem('dormExtinguishers', '灭火器配置到位、在有效期内', 'Extinguishers in place and in date'),
        checkItem('dormDuty', '宿管员24小时值班，夜间巡查有记录', 'House parents on duty 24 hours; night rounds recorded'),
        checkItem('dormBeds', '床铺护栏牢固，上铺高度符合要求', 'Bunk guard rails firm; top bunks at the allowed height'),
        checkItem('dormVisitors', '外来人员登记制度落实', 'Visitors signed in and out'),
        checkItem('dormRollCall', '晚点名制度落实，缺勤及时报告', 'Evening roll call held; absences reported at once'),
      ],
    },
    summary,
  ],
}

export const TWENTY_CHECK_IDS = allFields(TWENTY_CHECKS)
  .filter((field) => field.type === 'check')
  .map((field) => field.id)

/** Publishes the form as the demo admin; the phone gets it with its next pull (at sign-in). */
export async function publishTwentyChecks(serverUrl: string): Promise<void> {
  const login = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'admin123' }),
  })
  const { token } = (await login.json()) as { token: string }
  const published = await fetch(`${serverUrl}/api/v1/admin/forms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ template: TWENTY_CHECKS }),
  })
  if (!published.ok) throw new Error(`publishing the 20-item form failed: ${published.status} ${await published.text()}`)
  if (TWENTY_CHECK_IDS.length !== 20) throw new Error(`the benchmark form has ${TWENTY_CHECK_IDS.length} checks, not 20`)
}
