/**
 * Vant's signature pad listens to touch events only. On a desktop browser (a principal at a
 * PC, a test driving a mouse) this turns mouse strokes on its canvas into the same touch
 * events, so the pad draws. Real touch input is left alone.
 */
export function bridgeMouseToTouch(canvas: HTMLCanvasElement): () => void {
  let drawing = false

  function dispatch(type: 'touchstart' | 'touchmove' | 'touchend', event: PointerEvent): void {
    const point = { clientX: event.clientX, clientY: event.clientY, identifier: 1, target: canvas }
    const touches = type === 'touchend' ? [] : [point]
    const synthetic = new Event(type, { bubbles: true, cancelable: true })
    Object.defineProperty(synthetic, 'touches', { value: touches })
    Object.defineProperty(synthetic, 'changedTouches', { value: [point] })
    canvas.dispatchEvent(synthetic)
  }

  const down = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse' || event.button !== 0) return
    drawing = true
    canvas.setPointerCapture?.(event.pointerId)
    dispatch('touchstart', event)
  }
  const move = (event: PointerEvent) => {
    if (drawing && event.pointerType === 'mouse') dispatch('touchmove', event)
  }
  const up = (event: PointerEvent) => {
    if (!drawing || event.pointerType !== 'mouse') return
    drawing = false
    dispatch('touchend', event)
  }

  canvas.addEventListener('pointerdown', down)
  canvas.addEventListener('pointermove', move)
  canvas.addEventListener('pointerup', up)
  canvas.addEventListener('pointercancel', up)
  return () => {
    canvas.removeEventListener('pointerdown', down)
    canvas.removeEventListener('pointermove', move)
    canvas.removeEventListener('pointerup', up)
    canvas.removeEventListener('pointercancel', up)
  }
}
