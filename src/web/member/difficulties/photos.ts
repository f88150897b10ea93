/**
 * A photo from a phone's camera is often 4000 px and 3–8 MB: too much for a village connection. Before it is
 * sent, a large photo is redrawn on a canvas at most 2000 px on its longer side and saved as JPEG; a PDF, a small
 * photo, or one the browser cannot read goes as it is (the server checks every file's type by its content).
 */
export const MAX_SIDE = 2000;
const LARGE_BYTES = 1_500_000;
const QUALITY = 0.85;

type Drawable = { width: number; height: number; source: CanvasImageSource; close(): void };

async function decode(file: File): Promise<Drawable | null> {
  if ('createImageBitmap' in window) {
    try {
      // The camera's orientation (EXIF) applied, so that a portrait photo stays upright.
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { width: bitmap.width, height: bitmap.height, source: bitmap, close: () => bitmap.close() };
    } catch {
      // fall back to an <img> below
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return { width: image.naturalWidth, height: image.naturalHeight, source: image, close: () => undefined };
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

const jpegName = (name: string) => `${name.replace(/\.[^.]*$/, '') || 'anh'}.jpg`;

/** The file to send: `file` itself, or a smaller JPEG of it when it is a large photo. */
export async function shrinkPhoto(file: File): Promise<File> {
  if (!/^image\/(jpeg|png|webp|heic|heif)$/.test(file.type)) return file;
  const image = await decode(file);
  if (!image) return file;
  try {
    const longer = Math.max(image.width, image.height);
    if (longer <= MAX_SIDE && file.size <= LARGE_BYTES) return file;
    const scale = Math.min(1, MAX_SIDE / longer);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    const context = canvas.getContext('2d');
    if (!context) return file;
    // A transparent PNG on white, not black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image.source, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    if (!blob || (blob.size >= file.size && longer <= MAX_SIDE)) return file;
    return new File([blob], jpegName(file.name), { type: 'image/jpeg', lastModified: file.lastModified });
  } finally {
    image.close();
  }
}
