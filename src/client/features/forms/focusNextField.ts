const FOCUSABLE = 'input:not([readonly]):not([disabled]):not([type="hidden"]), textarea:not([readonly]):not([disabled])'

/**
 * "Next" on the phone keyboard (Enter) moves to the following input of the form, so counts can
 * be typed one after another without reaching for the screen.
 */
export function focusNextField(event: KeyboardEvent): void {
  const from = event.target
  if (!(from instanceof HTMLInputElement) || from.getAttribute('enterkeyhint') !== 'next') return
  const root = event.currentTarget instanceof HTMLElement ? event.currentTarget : document.body
  const inputs = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)]
  const next = inputs[inputs.indexOf(from) + 1]
  if (!next) return
  event.preventDefault()
  next.focus()
}
