/**
 * Recognises an image file by its first bytes (never by its name or MIME type) and reads its pixel size
 * from the header, so a 20000 x 20000 image is refused before anything tries to decode it.
 */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'svg';

export interface Sniffed {
  format: ImageFormat | null;
  /** Size from the header, when the format has one we read; null if unknown or the header is cut short. */
  width: number | null;
  height: number | null;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function jpegSize(bytes: Uint8Array, view: DataView): [number, number] | null {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const length = view.getUint16(i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return [view.getUint16(i + 7), view.getUint16(i + 5)];
    }
    i += 2 + length;
  }
  return null;
}

function webpSize(bytes: Uint8Array, view: DataView): [number, number] | null {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8X' && bytes.length >= 30) {
    const w = 1 + ((bytes[24] ?? 0) | ((bytes[25] ?? 0) << 8) | ((bytes[26] ?? 0) << 16));
    const h = 1 + ((bytes[27] ?? 0) | ((bytes[28] ?? 0) << 8) | ((bytes[29] ?? 0) << 16));
    return [w, h];
  }
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    return [view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff];
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const b = view.getUint32(21, true);
    return [(b & 0x3fff) + 1, ((b >> 14) & 0x3fff) + 1];
  }
  return null;
}

/** Sniffs the first bytes of a file (64 KiB is plenty for every header read here). */
export function sniffImage(bytes: Uint8Array): Sniffed {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unknown: Sniffed = { format: null, width: null, height: null };
  const sized = (format: ImageFormat, size: [number, number] | null): Sniffed => ({
    format,
    width: size ? size[0] : null,
    height: size ? size[1] : null,
  });
  if (bytes.length >= 8 && ascii(bytes, 1, 3) === 'PNG' && bytes[0] === 0x89) {
    return sized('png', bytes.length >= 24 ? [view.getUint32(16), view.getUint32(20)] : null);
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return sized('jpeg', jpegSize(bytes, view));
  }
  if (bytes.length >= 10 && ascii(bytes, 0, 4) === 'GIF8') {
    return sized('gif', [view.getUint16(6, true), view.getUint16(8, true)]);
  }
  if (bytes.length >= 16 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    return sized('webp', webpSize(bytes, view));
  }
  if (bytes.length >= 26 && ascii(bytes, 0, 2) === 'BM') {
    return sized('bmp', [Math.abs(view.getInt32(18, true)), Math.abs(view.getInt32(22, true))]);
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')))
    return sized('svg', null);
  return unknown;
}
