import { computed } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { todayIso } from '../../../core/dates.js'
import { RECTIFICATION_FORM_ID } from '../../../core/forms/hazard-rectification.js'
import { itemLabel } from '../../../core/forms/itemPath.js'
import type { Hazard } from '../../../core/protocol.js'
import { hazardTiming, warningLevel, type WarningLevel } from '../../../core/warningLevel.js'
import { useText } from '../../ui/useText.js'
import { useFormsStore } from '../forms/formsStore.js'
import { isRefusedForGood } from '../outbox/isRefusedForGood.js'
import { useOutboxStore } from '../outbox/outboxStore.js'

/** What the hazard screens say about a hazard: where it came from, its level, how long is left. */
export function useHazardView() {
  const { t } = useI18n()
  const { tx } = useText()
  const forms = useFormsStore()
  const outbox = useOutboxStore()
  const today = computed(() => todayIso(new Date()))

  function source(hazard: Hazard): string {
    const form = forms.forms.find((candidate) => candidate.id === hazard.formId)
    if (!form) return hazard.formId
    // A bus's own item is named with its bus (校车 2 · 座位与安全带).
    const label = itemLabel(form, hazard.fieldId)
    return label ? `${tx(form.title)} · ${tx(label)}` : tx(form.title)
  }

  function level(hazard: Hazard): WarningLevel | null {
    return warningLevel(hazard, today.value)
  }

  function timing(hazard: Hazard): string {
    if (hazard.status === 'closed') return t('hazard.status.closed')
    if (hazard.status === 'rectified') return t('hazard.status.rectified')
    const due = hazardTiming(hazard.deadline, today.value)
    if (due.kind === 'overdue') return t('hazard.overdue', { n: due.daysOverdue })
    return due.daysLeft === 0 ? t('hazard.dueToday') : t('hazard.daysLeft', { n: due.daysLeft })
  }

  function overdue(hazard: Hazard): boolean {
    return hazard.status === 'open' && hazardTiming(hazard.deadline, today.value).kind === 'overdue'
  }

  /**
   * A rectification of this hazard still on the phone (not yet delivered), if any. One the server
   * refused for good (the hazard had moved on) or the person took out of the outbox waits for nothing.
   */
  function pendingRectification(hazard: Hazard) {
    return outbox.records.find(
      (record) =>
        record.formId === RECTIFICATION_FORM_ID &&
        record.subjectId === hazard.id &&
        record.state !== 'sent' &&
        record.dismissedAt === undefined &&
        !isRefusedForGood(record),
    )
  }

  return { source, level, timing, overdue, pendingRectification, today }
}
