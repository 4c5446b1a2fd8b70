import { defineAsyncComponent, type Component } from 'vue'
import type { Role } from '../../../core/protocol.js'

type ScreenDef = {
  /** Below /bureau/, with `:name` parts that become props. */
  readonly path: string
  readonly component: Component
  /** Administration: bureau and admin only (inspectors see the dashboards). */
  readonly admin?: boolean
}

const lazy = (load: () => Promise<{ default: Component }>) => defineAsyncComponent(load)

/**
 * The workspace's screens. They are matched here, inside the lazy chunk, rather than in the
 * app's router, so a school phone's first download does not carry even their routes.
 */
const screens: readonly ScreenDef[] = [
  { path: '', component: lazy(() => import('./BureauHomeView.vue')) },
  { path: 'completeness/:formId/:period', component: lazy(() => import('./CompletenessView.vue')) },
  { path: 'schedules', component: lazy(() => import('./schedules/SchedulesView.vue')) },
  { path: 'schools/:schoolId', component: lazy(() => import('./SchoolReportsView.vue')) },
  { path: 'hazards', component: lazy(() => import('./HazardBoardView.vue')) },
  { path: 'canteen', component: lazy(() => import('./CanteenView.vue')) },
  { path: 'surveys', component: lazy(() => import('./SurveyTotalsView.vue')) },
  { path: 'signing', component: lazy(() => import('./PledgeSummaryView.vue')) },
  { path: 'exports', component: lazy(() => import('./ExportsView.vue')) },
  { path: 'notices', component: lazy(() => import('./notices/NoticesView.vue')) },
  { path: 'notices/:noticeId', component: lazy(() => import('./notices/NoticeReadsView.vue')) },
  { path: 'campaigns', component: lazy(() => import('./notices/CampaignsView.vue')) },
  { path: 'campaigns/:campaignId', component: lazy(() => import('./notices/CampaignProgressView.vue')) },
  { path: 'reminders', component: lazy(() => import('./reminders/RemindersView.vue')), admin: true },
  { path: 'admin/reminders', component: lazy(() => import('./reminders/ReminderSetupView.vue')), admin: true },
  { path: 'admin/schools', component: lazy(() => import('./admin/SchoolsAdminView.vue')), admin: true },
  { path: 'admin/users', component: lazy(() => import('./admin/UsersAdminView.vue')), admin: true },
  { path: 'admin/forms', component: lazy(() => import('./admin/FormsAdminView.vue')), admin: true },
  // The builder is a chunk of its own: only a bureau that opens it downloads it.
  { path: 'admin/forms/build', component: lazy(() => import('./builder/FormBuilderView.vue')), admin: true },
  { path: 'admin/forms/build/:formId/:version', component: lazy(() => import('./builder/FormBuilderView.vue')), admin: true },
  { path: 'admin/deadlines', component: lazy(() => import('./admin/DeadlinesAdminView.vue')), admin: true },
  { path: 'admin/pledges', component: lazy(() => import('./admin/PledgesAdminView.vue')), admin: true },
  { path: 'admin/audit', component: lazy(() => import('./admin/AuditView.vue')), admin: true },
]

export type ScreenMatch = { readonly component: Component; readonly props: Record<string, string> }

export function administers(role: Role | undefined): boolean {
  return role === 'bureau' || role === 'admin'
}

/** The screen for the path below /bureau/ (e.g. `completeness/home-visits/2026-T1`), or null. */
export function matchScreen(rest: string, role: Role | undefined): ScreenMatch | null {
  const parts = rest.split('/').filter((part) => part !== '')
  for (const screen of screens) {
    const pattern = screen.path.split('/').filter((part) => part !== '')
    if (pattern.length !== parts.length) continue
    const props: Record<string, string> = {}
    const fits = pattern.every((segment, index) => {
      const part = parts[index] ?? ''
      if (segment.startsWith(':')) {
        props[segment.slice(1)] = decodeURIComponent(part)
        return true
      }
      return segment === part
    })
    if (!fits) continue
    return screen.admin && !administers(role) ? null : { component: screen.component, props }
  }
  return null
}
