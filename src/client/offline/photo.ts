import { fitWithin, PHOTO_JPEG_QUALITY, PHOTO_MAX_EDGE } from '../../core/photoSize.js'
import { putBlob } from './blobStore.js'
import type { Stores } from './storage.js'

/** A photo as it is kept: re-encoded JPEG bytes (no EXIF, so no location) and its drawn size. */
export type CompressedPhoto = { readonly bytes: ArrayBuffer; readonly type: 'image/jpeg'; readonly width: number; readonly height: number }

export type Compressor = (file: Blob) => Promise<CompressedPhoto>

type Drawable = { readonly source: CanvasImageSource; readonly width: number; readonly height: number; readonly close: () => void }

/**
 * Decodes with the EXIF orientation applied ('from-image'), so the pixels are upright before the
 * EXIF block is thrown away. Browsers without createImageBitmap options fall back to <img>,
 * which applies the orientation itself (CSS image-orientation defaults to from-image).
 */
async function decode(file: Blob): Promise<Drawable> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
      return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() }
    } catch {
      // fall through to <img>
    }
  }
  const url = URL.createObjectURL(file)
  try {
    const image = new Image()
    image.decoding = 'async'
    image.src = url
    await image.decode()
    return { source: image, width: image.naturalWidth, height: image.naturalHeight, close: () => undefined }
  } finally {
    URL.revokeObjectURL(url)
  }
}

function toJpeg(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the photo could not be encoded'))), 'image/jpeg', PHOTO_JPEG_QUALITY)
  })
}

/** Long edge ≤ 1600 px, JPEG at quality 0.8: what a phone keeps and sends instead of the 5 MB original. */
export const compressPhoto: Compressor = async (file) => {
  const decoded = await decode(file)
  try {
    const { width, height } = fitWithin(decoded.width, decoded.height, PHOTO_MAX_EDGE)
    if (width === 0) throw new Error('the photo has no pixels')
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2D canvas')
    // JPEG has no transparency: a PNG screenshot would otherwise turn black where it is clear.
    context.fillStyle = '#fff'
    context.fillRect(0, 0, width, height)
    context.imageSmoothingQuality = 'high'
    context.drawImage(decoded.source, 0, 0, width, height)
    const blob = await toJpeg(canvas)
    return { bytes: await blob.arrayBuffer(), type: 'image/jpeg', width, height }
  } finally {
    decoded.close()
  }
}

/** Compresses, hashes and stores a picked photo; resolves to its SHA-256 (the same picture twice is one blob). */
export async function storePhoto(stores: Stores, file: Blob, compress: Compressor = compressPhoto): Promise<string> {
  const photo = await compress(file)
  return putBlob(stores, photo.bytes, photo.type)
}
