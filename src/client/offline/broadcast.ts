import type { OutboxMessage } from './syncEngine.js'

/** The BroadcastChannel surface the app uses; a real BroadcastChannel fits it. */
export type OutboxChannel = {
  postMessage(message: OutboxMessage): void
  onmessage: ((event: MessageEvent<OutboxMessage>) => void) | null
  close(): void
}

/**
 * The 'outbox' channel: the syncing tab (or the service worker) posts an OutboxMessage after
 * each change so other tabs refresh their lists. A channel does not hear its own posts; within
 * one tab use engine.subscribe. Where BroadcastChannel is missing (old WebViews) a silent
 * stand-in keeps callers simple; each tab then only sees its own changes.
 */
export function openOutboxChannel(name = 'outbox'): OutboxChannel {
  if (typeof BroadcastChannel === 'function') return new BroadcastChannel(name)
  return { postMessage: () => undefined, onmessage: null, close: () => undefined }
}
