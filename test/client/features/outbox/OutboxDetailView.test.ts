import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { stores } from '../../../../src/client/appServices.js'
import OutboxDetailView from '../../../../src/client/features/outbox/OutboxDetailView.vue'
import { useOutboxStore } from '../../../../src/client/features/outbox/outboxStore.js'
import { i18n } from '../../../../src/client/i18n/index.js'
import { enqueueSubmission, getRecord, updateRecord, type OutboxError } from '../../../../src/client/offline/outbox.js'
import { createDraft } from '../../../../src/client/offline/createDraft.js'
import { markRejected } from '../../../../src/client/offline/recordTransitions.js'
import { issueMessage, type IssueCode } from '../../../../src/core/messages.js'

function refusal(code: IssueCode): OutboxError {
  const message = issueMessage(code)
  return { code: 'validation_failed', message: message.en, issues: [{ fieldId: 'subjectId', code, severity: 'error', message }] }
}

async function rejectedRectification(error: OutboxError): Promise<string> {
  const draft = await createDraft(stores, {
    formId: 'hazard-rectification', formVersion: 1, schoolId: 'school-1', subjectId: 'report-1:wiring', deviceId: 'd', userId: 'u',
    answers: { measures: '已更换门锁', rectifiedBy: '李主任', rectifiedOn: '2026-12-02' },
  })
  await enqueueSubmission(stores, draft.id)
  await updateRecord(stores, draft.id, (record) => markRejected(record, error, Date.now()))
  return draft.id
}

async function mountDetail(id: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] })
  const outbox = useOutboxStore()
  await outbox.refresh()
  const wrapper = mount(OutboxDetailView, { props: { id }, global: { plugins: [i18n, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, outbox }
}

describe('a refused report in the outbox', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    await Promise.all((await stores.records.keys()).map((key) => stores.records.removeItem(key)))
  })

  it('one no edit can fix says so and offers to take it out, not to resubmit; taken out, it stays and no longer waits', async () => {
    const id = await rejectedRectification(refusal('hazardNotOpen'))
    const { wrapper, outbox } = await mountDetail(id)
    expect(outbox.waiting).toBe(1)
    expect(wrapper.text()).toContain('这条隐患已整改或已销号，无需再次整改')
    expect(wrapper.find('[data-testid="final-refusal"]').text()).toContain('修改后重新提交也无法被接收')
    expect(wrapper.findAll('a, button').map((element) => element.text())).not.toContain('修改后重新提交')

    await wrapper.get('[data-testid="dismiss"]').trigger('click')
    await flushPromises()
    const confirm = document.querySelector<HTMLButtonElement>('.van-dialog__confirm')
    expect(confirm?.textContent).toContain('移出发件箱')
    confirm?.click()
    await expect.poll(async () => (await getRecord(stores, id))?.dismissedAt).toBeTypeOf('string')
    await flushPromises()
    expect(outbox.waiting).toBe(0)
    expect((await getRecord(stores, id))?.state).toBe('rejected')
    expect(wrapper.find('[data-testid="record-dismissed"]').exists()).toBe(true)
    expect(wrapper.get('[data-dismissed]').text()).toBe('已移出')
    expect(wrapper.find('[data-testid="dismiss"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('one an edit can fix still offers 修改后重新提交', async () => {
    const id = await rejectedRectification(refusal('required'))
    const { wrapper } = await mountDetail(id)
    expect(wrapper.find('[data-testid="final-refusal"]').exists()).toBe(false)
    expect(wrapper.findAll('a, button').map((element) => element.text())).toContain('修改后重新提交')
    wrapper.unmount()
  })
})
