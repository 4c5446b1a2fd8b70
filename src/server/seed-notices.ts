import { TZDate } from '@date-fns/tz'
import { addDays, format } from 'date-fns'
import type { Kysely } from 'kysely'
import { BUREAU_ZONE } from '../core/campaignWindow.js'
import type { User } from '../core/protocol.js'
import type { Database } from './db/schema.js'
import { launchCampaign } from './services/campaigns/launch-campaign.js'
import { publishNotice } from './services/notices/publish-notice.js'

const demoBureau: User = { id: 'user-bureau', username: 'bureau', displayName: '区教育局管理员', role: 'bureau', schoolId: null, districtId: 'district-1' }

const instructions = [
  '为切实做好汛期校园安全工作，区教育局决定在全区开展汛期前校舍安全专项检查。',
  '',
  '1. **检查范围**：教学楼、宿舍、食堂、围墙、挡土墙及周边边坡；',
  '2. **检查方式**：各校对照《校舍安全检查表》逐项自查，发现隐患当场拍照登记并明确整改期限；',
  '3. **时间要求**：请于截止日期前通过本系统完成自查上报。',
  '',
  '请各校收到后点击“已阅”确认。',
].join('\n')

const notice = [
  '各学校、幼儿园：',
  '',
  '近期气温回升，学生私自下水游泳风险增加。请各校利用班会、家长会开展一次防溺水专题教育，',
  '落实“六不”要求，并通过家校群向家长推送《致家长的一封信》。',
].join('\n')

/** The demo district's running campaign (on the school-buildings checklist) and one notice, so a fresh start shows both. */
export async function seedDemoNoticesCampaigns(db: Kysely<Database>, now: Date): Promise<void> {
  const today = new TZDate(now.getTime(), BUREAU_ZONE)
  await launchCampaign(
    db,
    demoBureau,
    {
      title: '汛期前校舍安全专项检查',
      instructions,
      instructionsFormat: 'markdown',
      formId: 'school-buildings',
      formVersion: null,
      audience: { kinds: [], townships: [], schoolIds: [] },
      opensOn: format(today, 'yyyy-MM-dd'),
      closesOn: format(addDays(today, 14), 'yyyy-MM-dd'),
    },
    now,
  )
  await publishNotice(db, demoBureau, { kind: 'notice', title: '关于加强学生防溺水安全教育的通知', body: notice, bodyFormat: 'text', audience: { kinds: [], townships: [], schoolIds: [] } }, now)
}
