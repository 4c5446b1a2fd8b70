import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { beforeEach, describe, expect, it } from 'vitest'
import { stores } from '../../../../src/client/appServices.js'
import { useDraft } from '../../../../src/client/features/forms/useDraft.js'
import { useFormsStore } from '../../../../src/client/features/forms/formsStore.js'
import { getRecord } from '../../../../src/client/offline/outbox.js'
import { createDraft } from '../../../../src/client/offline/createDraft.js'
import { fireSafety } from '../../../../src/core/forms/fire-safety.js'
import { passingFireSafetyAnswers } from '../../../unit/core/fire-safety-answers.js'

/** Everything passes, no photos: nothing but the answers has to be on the phone. */
function answersWithoutPhotos() {
  return { ...passingFireSafetyAnswers(), exits: { result: 'pass' as const } }
}

function newFireDraft() {
  return createDraft(stores, {
    formId: fireSafety.id,
    formVersion: fireSafety.version,
    schoolId: 'school-1',
    deviceId: 'device-1',
    userId: 'u1',
    answers: answersWithoutPhotos(),
  })
}

async function openDraft(id: string): Promise<ReturnType<typeof useDraft>> {
  let draft: ReturnType<typeof useDraft> | undefined
  mount(defineComponent({ setup: () => ((draft = useDraft(id)), () => h('div')) }))
  if (!draft) throw new Error('not mounted')
  await draft.load()
  await flushPromises()
  return draft
}

describe('submitting a draft', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    await stores.meta.setItem('forms', [fireSafety])
    await useFormsStore().load()
  })

  it('a second tap on 提交 after the report was queued is not “0 places to fix”', async () => {
    const record = await newFireDraft()
    const draft = await openDraft(record.id)
    expect(await draft.submit()).toBe('queued')
    expect(draft.record.value?.state).toBe('queued')
    expect(await draft.submit()).toBe('queued')
    expect((await getRecord(stores, record.id))?.state).toBe('queued')
  })

  it('a second screen on the same record, opened before the first queued it, still says queued', async () => {
    const record = await newFireDraft()
    const first = await openDraft(record.id)
    const second = await openDraft(record.id)
    expect(await first.submit()).toBe('queued')
    expect(await second.submit()).toBe('queued')
    expect(second.record.value?.state).toBe('queued')
  })
})
