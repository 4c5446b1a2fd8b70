import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stores } from '../../../../src/client/appServices.js'
import { useFormsStore } from '../../../../src/client/features/forms/formsStore.js'
import { fireSafety } from '../../../../src/core/forms/fire-safety.js'

describe('the templates the form list works from', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    await stores.meta.setItem('forms', [fireSafety])
  })
  afterEach(() => vi.restoreAllMocks())

  it('reads them once for everyone who asks at boot', async () => {
    const read = vi.spyOn(stores.meta, 'getItem')
    const forms = useFormsStore()
    await Promise.all([forms.load(), forms.load()])
    expect(read.mock.calls.filter(([key]) => key === 'forms')).toHaveLength(1)
    expect(forms.forms.map((form) => form.id)).toEqual(['fire-safety'])
    expect(forms.loaded).toBe(true)
  })

  it('tries again after a failed first read instead of keeping the failure', async () => {
    const real = stores.meta.getItem.bind(stores.meta)
    vi.spyOn(stores.meta, 'getItem').mockImplementationOnce(() => Promise.reject(new Error('IndexedDB busy'))).mockImplementation(real)
    const forms = useFormsStore()
    await expect(forms.load()).rejects.toThrow('IndexedDB busy')
    await forms.load()
    expect(forms.forms.map((form) => form.id)).toEqual(['fire-safety'])
  })
})
