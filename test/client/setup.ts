// Real IndexedDB semantics in unit tests: must load before localforage picks a driver.
import 'fake-indexeddb/auto'
