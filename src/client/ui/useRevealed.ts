import { onBeforeUnmount, ref, watch, type Ref } from 'vue'

/**
 * How many of `total()` parts of a long screen to render: the first at once, then one more after
 * each paint. On a slow phone the first part (a form's first section) is on screen and answerable
 * while the rest is still being built, instead of everything waiting for the whole page.
 */
export function useRevealed(total: () => number): Ref<number> {
  const shown = ref(1)
  let frame = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  // requestAnimationFrame runs before the paint: the timer after it runs once the frame is out.
  const afterPaint = (): void => {
    frame = requestAnimationFrame(() => {
      frame = 0
      timer = setTimeout(step, 0)
    })
  }
  function step(): void {
    timer = undefined
    if (shown.value >= total()) return
    shown.value += 1
    afterPaint()
  }
  watch(total, (count) => {
    if (count > shown.value && frame === 0 && timer === undefined) afterPaint()
  }, { immediate: true })
  onBeforeUnmount(() => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  })
  return shown
}
