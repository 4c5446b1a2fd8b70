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
import type { FormTemplate } from './types.js'

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

export * from './types.js'

/** The templates the demo seed publishes. A published template never changes: edit → new version. */
export const defaultTemplates: readonly FormTemplate[] = [fireSafety, pledgeSigning, canteenGrading, ...surveyTemplates]

export {
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
}
