/**
 * Which rows of a long list to render: those within the viewport plus `overscan` rows either side.
 * `scrolledPast` is how far the list's top has scrolled above the viewport's top (0 while the list
 * starts below it). Rows are `rowHeight` tall, so the rows not rendered are only their height.
 */
export function windowRange(input: {
  readonly scrolledPast: number
  readonly viewportHeight: number
  readonly rowHeight: number
  readonly total: number
  readonly overscan: number
}): { readonly first: number; readonly count: number } {
  const { scrolledPast, viewportHeight, total, overscan } = input
  if (total <= 0) return { first: 0, count: 0 }
  // A row height of 0 (not laid out yet) would put every row in the window.
  const rowHeight = Math.max(1, input.rowHeight)
  const first = Math.min(Math.max(0, Math.floor(scrolledPast / rowHeight) - overscan), total - 1)
  const count = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 2 * overscan
  return { first, count: Math.min(count, total - first) }
}
