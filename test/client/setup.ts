// Real IndexedDB semantics in unit tests: must load before localforage picks a driver.
import 'fake-indexeddb/auto'

// The later screens' texts load beside the app's first paint (i18n/index.ts); tests mount those
// screens directly, so they wait for them here, as the router does before opening one.
const { laterTexts } = await import('../../src/client/i18n/index.js')
await laterTexts
