import type { Text } from '../../core/text.js'

/** The yearly safe-campus letter the bureau signs with every school (DOMAIN.md §4). */
export function safeCampusText(year: number): { title: Text; text: Text } {
  return {
    title: { zh: `${year}年度平安校园创建目标管理责任书`, en: `Safe Campus Target Management Responsibility Letter ${year}` },
    text: {
      zh: `为深入推进平安校园建设，落实学校安全工作“党政同责、一岗双责、齐抓共管、失职追责”的要求，保障师生生命财产安全，维护正常教育教学秩序，区教育局与各学校（幼儿园）签订本责任书。

## 一、责任主体

学校（幼儿园）校长（园长）是本单位安全工作的**第一责任人**，对本单位安全工作负全面领导责任；分管副校长为直接责任人；其他班子成员和教职工按照“一岗双责”要求，对分管领域和岗位的安全工作负责。

## 二、工作目标

1. 全年不发生因管理不到位造成的师生伤亡责任事故；
2. 不发生校园食品安全、饮用水安全和传染病暴发流行事件；
3. 不发生校舍、消防、校车及大型活动安全责任事故；
4. 不发生学生溺水事故和校园欺凌恶性事件；
5. 安全隐患排查整改率达到 100%，安全教育覆盖率达到 100%。

## 三、主要职责

1. 健全安全工作领导小组和安全管理制度，明确安全管理人员，层层签订安全责任书；
2. 落实“人防、物防、技防”措施：门卫 24 小时值守，校门口设置防冲撞设施，视频监控覆盖重点部位并与公安联网；
3. 每月至少开展一次安全隐患排查，建立隐患台账，对发现的隐患**限期整改**、整改一项销号一项；
4. 每学期至少组织两次应急疏散演练，开展消防、交通、防溺水、防欺凌、心理健康等专题安全教育；
5. 加强学校食堂管理，落实食品留样、索证索票和陪餐制度；
6. 做好学校周边环境治理的配合工作，及时报告涉校安全信息。

## 四、考核与奖惩

1. 区教育局将本责任书执行情况纳入学校年度目标考核和校长考核；
2. 对完成目标、成绩突出的学校予以表彰；
3. 发生重大安全责任事故的，实行安全工作**一票否决**，并依法依规追究相关人员责任。

## 五、其他

本责任书有效期自签订之日起至${year}年12月31日止。本责任书一式两份，区教育局和学校各执一份，经学校校长签署后生效。`,
      en: `To advance the building of safe campuses, to carry out the principle that Party and administration share responsibility for school safety, that every post carries safety duties, that all work together and that neglect of duty is held to account, and to protect the lives and property of teachers and students and keep teaching in good order, the District Education Bureau signs this letter with every school and kindergarten.

## 1. Who is responsible

The principal (head of kindergarten) is the **first responsible person** for safety and leads all safety work of the school; the vice-principal in charge is directly responsible; the other leaders and all staff are responsible for safety in their own areas and posts ("one post, two duties").

## 2. Targets

1. No accident for which the school is responsible that kills or injures teachers or students through poor management;
2. No outbreak of food, drinking-water or infectious-disease incidents on campus;
3. No accident for which the school is responsible involving buildings, fire, school buses or large events;
4. No student drowning and no serious bullying incident;
5. 100% of safety hazards found are rectified; safety education reaches 100% of students.

## 3. Main duties

1. Keep a safety leadership group and safety rules, name the safety officers, and sign responsibility letters at every level;
2. Put people, physical barriers and technology in place: guards at the gate around the clock, anti-ramming barriers at the entrance, video surveillance of key places linked to the police;
3. Check for hazards at least once a month, keep a hazard register, **rectify each hazard by its deadline** and close it only when fixed;
4. Hold at least two evacuation drills each term; teach fire, traffic, drowning prevention, anti-bullying and mental-health safety lessons;
5. Manage the canteen well: keep food samples, keep purchase certificates and receipts, and have school leaders eat with students;
6. Help keep the school's surroundings safe and report safety information about the school without delay.

## 4. Assessment, rewards and penalties

1. The bureau counts how this letter is carried out in the school's yearly target assessment and in the principal's assessment;
2. Schools that meet the targets with outstanding results are commended;
3. A serious safety accident for which the school is responsible triggers the **one-vote veto** in the assessment, and those responsible are held to account by law and regulation.

## 5. Other terms

This letter is in force from the day it is signed until 31 December ${year}. It is made in two copies, one kept by the bureau and one by the school, and takes effect when the principal signs it.`,
    },
  }
}
