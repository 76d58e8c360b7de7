/**
 * Recognises an image file by its first bytes (never by its name or MIME type) and reads its pixel size
 * from the header, so a 20000 x 20000 image is refused before anything tries to decode it. Only the bytes
 * a header needs are read (Blob.slice): a JPEG's frame size may sit after a large EXIF block, a GIF's
 * frames after its colour tables. Formats sniffed without a size here (AVIF/HEIF grids we cannot read,
 * BMP headers of an unknown size) are left to the browser's decoder; the caller checks the decoded size.
 */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif' | 'heif' | 'svg';

export interface Sniffed {
  format: ImageFormat | null;
  /** Size from the header, when the format has one we read; null if unknown or the header is cut short. */
  width: number | null;
  height: number | null;
}

/** Bytes of a Blob read window by window, so a walk over segments never loads the whole file. */
class ByteSource {
  private start = 0;
  private bytes = new Uint8Array();
  constructor(
    private readonly blob: Blob,
    private readonly window = 65536,
  ) {}

  get size(): number {
    return this.blob.size;
  }

  /** `length` bytes at `offset` (fewer at the end of the file). */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const end = Math.min(offset + length, this.blob.size);
    if (offset < this.start || end > this.start + this.bytes.length) {
      this.start = offset;
      const stop = Math.min(this.blob.size, offset + Math.max(length, this.window));
      this.bytes = new Uint8Array(await this.blob.slice(offset, stop).arrayBuffer());
    }
    return this.bytes.subarray(offset - this.start, end - this.start);
  }
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function u16be(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}

function u16le(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32be(b: Uint8Array, i: number): number {
  return (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>> 0;
}

/** Walks the JPEG segments by their lengths up to the first SOF (frame size), reading ~10 bytes each. */
async function jpegSize(src: ByteSource): Promise<[number, number] | null> {
  let i = 2;
  while (i + 4 <= src.size) {
    const head = await src.read(i, 10);
    if (head[0] !== 0xff) return null;
    const marker = head[1] ?? 0;
    // Fill bytes, and markers that stand alone (TEM, RST0-7, SOI) with no length after them.
    if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += marker === 0xff ? 1 : 2;
      continue;
    }
    // End of image, or the scan started without a frame header: no size to read.
    if (marker === 0xd9 || marker === 0xda) return null;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return head.length >= 9 ? [u16be(head, 7), u16be(head, 5)] : null;
    }
    const length = u16be(head, 2);
    if (length < 2) return null;
    i += 2 + length;
  }
  return null;
}

/** Skips GIF data sub-blocks (length byte, then data) from `i`; returns the offset after the terminator. */
async function skipSubBlocks(src: ByteSource, i: number): Promise<number> {
  while (i < src.size) {
    const [length = 0] = await src.read(i, 1);
    i += 1 + length;
    if (length === 0) return i;
  }
  return i;
}

/**
 * The GIF's size as decoders see it: the logical screen, grown to hold every frame (a frame larger than
 * its screen makes the decoded image that large).
 */
async function gifSize(src: ByteSource): Promise<[number, number] | null> {
  const header = await src.read(0, 13);
  if (header.length < 13) return null;
  let width = u16le(header, 6);
  let height = u16le(header, 8);
  const flags = header[10] ?? 0;
  let i = 13 + (flags & 0x80 ? 3 << ((flags & 7) + 1) : 0);
  while (i < src.size) {
    const [block] = await src.read(i, 1);
    if (block === 0x3b || block === undefined) break; // trailer
    if (block === 0x21) {
      i = await skipSubBlocks(src, i + 2);
    } else if (block === 0x2c) {
      const d = await src.read(i, 10);
      if (d.length < 10) break;
      width = Math.max(width, u16le(d, 1) + u16le(d, 5));
      height = Math.max(height, u16le(d, 3) + u16le(d, 7));
      const local = d[9] ?? 0;
      i += 10 + (local & 0x80 ? 3 << ((local & 7) + 1) : 0);
      i = await skipSubBlocks(src, i + 1); // LZW minimum code size, then the data
    } else {
      break;
    }
  }
  return [width, height];
}

function webpSize(bytes: Uint8Array): [number, number] | null {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8X' && bytes.length >= 30) {
    const w = 1 + ((bytes[24] ?? 0) | ((bytes[25] ?? 0) << 8) | ((bytes[26] ?? 0) << 16));
    const h = 1 + ((bytes[27] ?? 0) | ((bytes[28] ?? 0) << 8) | ((bytes[29] ?? 0) << 16));
    return [w, h];
  }
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    return [u16le(bytes, 26) & 0x3fff, u16le(bytes, 28) & 0x3fff];
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const b =
      (bytes[21] ?? 0) | ((bytes[22] ?? 0) << 8) | ((bytes[23] ?? 0) << 16) | ((bytes[24] ?? 0) << 24);
    return [(b & 0x3fff) + 1, ((b >> 14) & 0x3fff) + 1];
  }
  return null;
}

/** The BMP size, read by the DIB header's own size: 12 is OS/2's BITMAPCOREHEADER with 16-bit sides. */
function bmpSize(bytes: Uint8Array): [number, number] | null {
  if (bytes.length < 26) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dib = view.getUint32(14, true);
  if (dib === 12) return [u16le(bytes, 18), u16le(bytes, 20)];
  // BITMAPINFOHEADER (40) and its successors (52, 56, 108, 124), OS/2 2.x (16 to 64): 32-bit sides.
  if (dib >= 16 && dib <= 124) {
    return [Math.abs(view.getInt32(18, true)), Math.abs(view.getInt32(22, true))];
  }
  return null;
}

const AVIF_BRANDS = ['avif', 'avis'];
const HEIF_BRANDS = ['mif1', 'msf1', 'heic', 'heix', 'hevc', 'hevx', 'heim', 'heis'];

/** The ISO-BMFF `ftyp` brands (major, then compatible), or null if the file does not start with one. */
function ftypBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return null;
  const size = Math.min(u32be(bytes, 0), bytes.length);
  const brands = [ascii(bytes, 8, 4)];
  for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(bytes, i, 4));
  return brands;
}

/**
 * The largest `ispe` (image spatial extent) property in the head: a grid's own size is the largest of
 * its items', so this bounds the decoded image. Null when none is in the bytes read.
 */
function ispeSize(bytes: Uint8Array): [number, number] | null {
  let best: [number, number] | null = null;
  for (let i = 4; i + 16 <= bytes.length; i++) {
    if (bytes[i] !== 0x69 || ascii(bytes, i, 4) !== 'ispe') continue;
    const w = u32be(bytes, i + 8);
    const h = u32be(bytes, i + 12);
    if (!best || w * h > best[0] * best[1]) best = [w, h];
  }
  return best;
}

const HEAD_BYTES = 65536;

/** Sniffs a file: its format and, where the header says, its size (reading only the bytes needed). */
export async function sniffImage(blob: Blob): Promise<Sniffed> {
  const src = new ByteSource(blob, HEAD_BYTES);
  const bytes = await src.read(0, HEAD_BYTES);
  const sized = (format: ImageFormat, size: [number, number] | null): Sniffed => ({
    format,
    width: size ? size[0] : null,
    height: size ? size[1] : null,
  });
  if (bytes.length >= 8 && ascii(bytes, 1, 3) === 'PNG' && bytes[0] === 0x89) {
    return sized('png', bytes.length >= 24 ? [u32be(bytes, 16), u32be(bytes, 20)] : null);
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return sized('jpeg', await jpegSize(src));
  }
  if (bytes.length >= 10 && ascii(bytes, 0, 4) === 'GIF8') return sized('gif', await gifSize(src));
  if (bytes.length >= 16 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    return sized('webp', webpSize(bytes));
  }
  if (bytes.length >= 26 && ascii(bytes, 0, 2) === 'BM') return sized('bmp', bmpSize(bytes));
  const brands = ftypBrands(bytes);
  if (brands) {
    if (brands.some((b) => AVIF_BRANDS.includes(b))) return sized('avif', ispeSize(bytes));
    if (brands.some((b) => HEIF_BRANDS.includes(b))) return sized('heif', ispeSize(bytes));
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')))
    return sized('svg', null);
  return { format: null, width: null, height: null };
}
