import type { Text } from '../../core/text.js'

/** The teachers' professional-ethics pledge (师德承诺), signed by each staff member. */
export function staffConductText(year: number): { title: Text; text: Text } {
  return {
    title: { zh: `${year}年度教师师德师风承诺书`, en: `Teacher Professional Ethics Pledge ${year}` },
    text: {
      zh: `本人自觉遵守《新时代中小学教师职业行为十项准则》，郑重承诺：

1. 坚定政治方向，依法执教，不发表、不传播错误言论；
2. 关心爱护全体学生，不体罚或变相体罚学生，不歧视、侮辱学生；
3. 严守安全职责，发现学生安全隐患及时报告、及时处置；
4. 不组织、不参与有偿补课，不收受学生及家长礼品礼金；
5. 廉洁从教，为人师表，自觉接受学生、家长和社会监督。

如有违反，本人愿接受相应处理。`,
      en: `I follow the Ten Standards of Professional Conduct for Primary and Secondary School Teachers in the New Era and solemnly pledge:

1. To teach according to the law and hold a correct political direction, and not to publish or spread wrongful statements;
2. To care for every student, never to punish a student physically or in disguised ways, never to discriminate against or insult a student;
3. To keep my safety duties: to report and deal with any danger to students without delay;
4. Not to organise or take part in paid private tutoring, and not to accept gifts or money from students or parents;
5. To teach with integrity, set an example, and accept the oversight of students, parents and society.

If I break this pledge, I accept the consequences.`,
    },
  }
}
