// Photos for tests of the portal's library (test code only).
import sharp from 'sharp';

/** A photo as a phone takes it: JPEG with camera EXIF, the place it was taken (GPS) and an orientation tag. */
export async function phonePhoto(width: number, height: number, { orientation = 1, colour = '#2a7ab0' } = {}): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'CameraModelX', Copyright: 'SecretOwner' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 16/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '106/1 11/1 4000/100' },
    })
    .withMetadata({ orientation })
    .toBuffer();
}
