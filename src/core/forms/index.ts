import { canteenGrading } from './canteen.js'
import { drillsEducation } from './drills-education.js'
import { enrolment } from './enrolment.js'
import { fireSafety } from './fire-safety.js'
import { homeVisits } from './home-visits.js'
import { myopiaScreening } from './myopia-screening.js'
import { physicalHealth } from './physical-health.js'
import { specialGroups } from './special-groups.js'
import { teacherTraining } from './teacher-training.js'
import { pledgeSigning } from './pledge-signing.js'
import { campaignAck } from './campaign-ack.js'
import { noticeRead } from './notice-read.js'
import { campusSecurity } from './campus-security.js'
import { drinkingWater } from './drinking-water.js'
import { drowningPrevention } from './drowning-prevention.js'
import { foodHygiene } from './food-hygiene.js'
import { hazardRectification } from './hazard-rectification.js'
import { hazardousMaterials } from './hazardous-materials.js'
import { infectiousDisease } from './infectious-disease.js'
import { psychologicalCrisis } from './psychological-crisis.js'
import { schoolBuildings } from './school-buildings.js'
import { schoolBus, schoolBusV1 } from './school-bus.js'
import { schoolSurroundings } from './school-surroundings.js'
import { trafficSafety } from './traffic-safety.js'
import { doubleReduction } from './double-reduction.js'
import { dropoutPrevention } from './dropout-prevention.js'
import { drugCultEducation } from './drug-cult-education.js'
import { healthCheckup } from './health-checkup.js'
import { leftBehindChildren } from './left-behind-children.js'
import { networkSecurity } from './network-security.js'
import { parentSatisfaction } from './parent-satisfaction.js'
import { schoolLiabilityInsurance } from './school-liability-insurance.js'
import { studentAid } from './student-aid.js'
import type { FormTemplate } from './types.js'

/** The safety inspection checklists (安全检查), one per subject in DOMAIN.md. */
export const inspectionTemplates: readonly FormTemplate[] = [
  fireSafety,
  foodHygiene,
  drinkingWater,
  schoolBus,
  schoolBuildings,
  trafficSafety,
  drowningPrevention,
  campusSecurity,
  infectiousDisease,
  hazardousMaterials,
  schoolSurroundings,
  psychologicalCrisis,
  networkSecurity,
]

/** The periodic survey counts (统计上报), each with its declared rules and rates. */
export const surveyTemplates: readonly FormTemplate[] = [
  enrolment,
  physicalHealth,
  myopiaScreening,
  homeVisits,
  specialGroups,
  teacherTraining,
  drillsEducation,
]

/**
 * Periodic reports on a policy (双减, 资助, 控辍保学 …): counts with their rules like the surveys,
 * plus the choices, dates, text and photos the bureau asks alongside them.
 */
export const policyReportTemplates: readonly FormTemplate[] = [
  doubleReduction,
  healthCheckup,
  studentAid,
  leftBehindChildren,
  dropoutPrevention,
  schoolLiabilityInsurance,
  drugCultEducation,
  parentSatisfaction,
]

export * from './types.js'
export * from './check-template.js'
export * from './fieldTypes.js'
export * from './conditions.js'
export * from './expressions.js'
export * from './walkForm.js'
export * from './itemPath.js'
export { isBlank, type Scope } from './scope.js'
export { RECTIFICATION_FORM_ID } from './hazard-rectification.js'

/**
 * Built-in versions a newer one replaced: no longer published, kept so the reports filed against
 * them are still proven to validate, digest and export the same (their template stays stored).
 */
export const replacedTemplates: readonly FormTemplate[] = [schoolBusV1]

/** The templates the demo seed publishes. A published template never changes: edit → new version. */
export const defaultTemplates: readonly FormTemplate[] = [...inspectionTemplates, hazardRectification, pledgeSigning, noticeRead, campaignAck, canteenGrading, ...surveyTemplates, ...policyReportTemplates]

export {
  campusSecurity,
  drinkingWater,
  drowningPrevention,
  foodHygiene,
  hazardRectification,
  hazardousMaterials,
  infectiousDisease,
  psychologicalCrisis,
  schoolBuildings,
  schoolBus,
  schoolBusV1,
  schoolSurroundings,
  trafficSafety,
  canteenGrading,
  drillsEducation,
  enrolment,
  homeVisits,
  myopiaScreening,
  physicalHealth,
  specialGroups,
  teacherTraining,
  fireSafety,
  pledgeSigning,
  noticeRead,
  campaignAck,
  doubleReduction,
  dropoutPrevention,
  drugCultEducation,
  healthCheckup,
  leftBehindChildren,
  networkSecurity,
  parentSatisfaction,
  schoolLiabilityInsurance,
  studentAid,
}
