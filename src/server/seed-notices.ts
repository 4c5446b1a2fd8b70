import { TZDate } from '@date-fns/tz'
import { addDays, format } from 'date-fns'
import type { Kysely } from 'kysely'
import { BUREAU_ZONE } from '../core/campaignWindow.js'
import { v7 as uuidv7 } from 'uuid'
import type { Answers } from '../core/forms/types.js'
import { schoolBuildings } from '../core/forms/school-buildings.js'
import type { SubmissionEnvelope, User } from '../core/protocol.js'
import { CAMPAIGN_ACK_FORM_ID } from '../core/receipts.js'
import type { Database } from './db/schema.js'
import { launchCampaign } from './services/campaigns/launch-campaign.js'
import { ingestBatch } from './services/ingest.js'
import { publishNotice } from './services/notices/publish-notice.js'

const demoBureau: User = { id: 'user-bureau', username: 'bureau', displayName: '区教育局管理员', role: 'bureau', schoolId: null, districtId: 'district-1' }
const demoSchool2: User = { id: 'user-school2', username: 'school2', displayName: '实验初中安全员', role: 'staff', schoolId: 'school-2', districtId: 'district-1' }

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

/** A passing self-check of the buildings checklist, as a school's safety officer fills it. */
function buildingsSelfCheck(user: User, today: string): Answers {
  const answers: Record<string, Answers[string]> = { checkType: 'self', inspector: user.displayName, checkDate: today }
  for (const field of schoolBuildings.sections.flatMap((section) => section.fields)) {
    if (field.type === 'check') answers[field.id] = { result: 'pass' }
  }
  return answers
}

/**
 * 实验初中 has acknowledged the campaign and filed its checklist for it, through the same ingest
 * as a phone: the bureau's progress shows one school done and the rest to chase.
 */
async function fileForCampaign(db: Kysely<Database>, user: User, campaignId: string, today: string, now: Date): Promise<void> {
  const schoolId = user.schoolId ?? ''
  const base = { schoolId, attachments: [], startedAt: now.toISOString(), completedAt: now.toISOString(), deviceId: 'demo-seed', subjectId: campaignId }
  const envelopes: SubmissionEnvelope[] = [
    { ...base, id: uuidv7(), formId: CAMPAIGN_ACK_FORM_ID, formVersion: 1, answers: { readerName: user.displayName } },
    { ...base, id: uuidv7(), formId: schoolBuildings.id, formVersion: schoolBuildings.version, answers: buildingsSelfCheck(user, today) },
  ]
  const results = await ingestBatch(db, user, envelopes, now)
  const refused = results.find((result) => result.status !== 'accepted')
  if (refused) throw new Error(`demo campaign filing refused: ${JSON.stringify(refused)}`)
}

/** The demo district's running campaign (on the school-buildings checklist) and one notice, so a fresh start shows both. */
export async function seedDemoNoticesCampaigns(db: Kysely<Database>, now: Date): Promise<void> {
  const today = new TZDate(now.getTime(), BUREAU_ZONE)
  const campaign = await launchCampaign(
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
  await fileForCampaign(db, demoSchool2, campaign.id, format(today, 'yyyy-MM-dd'), now)
  await publishNotice(db, demoBureau, { kind: 'notice', title: '关于加强学生防溺水安全教育的通知', body: notice, bodyFormat: 'text', audience: { kinds: [], townships: [], schoolIds: [] } }, now)
}
