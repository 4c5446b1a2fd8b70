import { checkItem, inspectionSummarySection } from './check-item.js'
import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

/** 网络与信息安全: every school kind runs a network, a website or an account, and holds student data. */
export const networkSecurity: FormTemplate = {
  id: 'network-security',
  version: 1,
  kind: 'inspection',
  title: { zh: '网络与信息安全检查', en: 'Network and information security check' },
  sections: [
    inspectionInfoSection,
    {
      id: 'management',
      title: { zh: '责任与制度', en: 'Duties and rules' },
      fields: [
        checkItem('netOfficer', '明确网络安全责任人和管理员，签订网络安全责任书', 'A named network-security officer and administrator; duty letter signed', 8),
        checkItem('registration', '学校网站、公众号、视频号等均已备案并登记，无“僵尸”账号', 'Website and social accounts registered and listed; no abandoned accounts', 8),
        checkItem('contentReview', '信息发布执行“三审三校”，无泄露学生个人信息', 'Posts reviewed before publishing; no student personal data exposed', 10),
      ],
    },
    {
      id: 'technical',
      title: { zh: '技术防护', en: 'Technical protection' },
      fields: [
        checkItem('passwords', '服务器、路由器、摄像头无默认口令或弱口令', 'No default or weak passwords on servers, routers or cameras', 10),
        checkItem('antivirus', '办公终端安装正版杀毒软件并及时更新', 'Office computers run licensed, updated antivirus', 6),
        checkItem('filtering', '学生上网终端安装不良信息过滤软件', 'Student computers filter harmful content', 8),
        checkItem('backup', '重要数据（学籍、资助、成绩）定期备份', 'Key data (rolls, aid, grades) backed up regularly', 8),
        checkItem('serverRoom', '机房（网络设备间）门锁完好，有温湿度监控和灭火器', 'Server room locked, with temperature control and an extinguisher', 6),
        checkItem('levelProtection', '信息系统按要求完成等级保护定级备案', 'Information systems graded and filed under the classified protection scheme', 6),
      ],
    },
    {
      id: 'education',
      title: { zh: '网络安全教育', en: 'Education' },
      fields: [
        checkItem('securityWeek', '开展网络安全宣传周和防网络诈骗、防沉迷教育', 'Network security week held; anti-fraud and anti-addiction lessons given', 6),
      ],
    },
    inspectionSummarySection,
  ],
}
