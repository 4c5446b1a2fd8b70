/** Longest edge a stored photo keeps: enough to read a label or a crack, ~150–300 KB as JPEG. */
export const PHOTO_MAX_EDGE = 1600
export const PHOTO_JPEG_QUALITY = 0.8

/** The size to draw a photo at so its longest edge is at most `maxEdge`; never enlarges. */
export function fitWithin(width: number, height: number, maxEdge = PHOTO_MAX_EDGE): { width: number; height: number } {
  if (!(width > 0 && height > 0)) return { width: 0, height: 0 }
  const scale = Math.min(1, maxEdge / Math.max(width, height))
  return {
    width: Math.min(maxEdge, Math.max(1, Math.round(width * scale))),
    height: Math.min(maxEdge, Math.max(1, Math.round(height * scale))),
  }
}
