import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/image/sniff.ts';

function png(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(128);
  return new Uint8Array(PNG.sync.write(image));
}

const sniff = (...parts: Uint8Array[]) => sniffImage(new Blob(parts as BlobPart[]));
const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);
const u16le = (n: number) => [n & 0xff, n >> 8];
const u32be = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

/** A JPEG's SOF0 segment: length 17, precision 8, height, width, 3 components. */
const sof0 = (width: number, height: number) =>
  bytes(
    0xff,
    0xc0,
    0,
    17,
    8,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    3,
    ...new Array(9).fill(0),
  );

/** A GIF: logical screen, no colour table, one frame of `frame` at (0, 0), a tiny image data, trailer. */
function gif(screen: [number, number], frame: [number, number]): Uint8Array {
  return bytes(
    ...text('GIF89a'),
    ...u16le(screen[0]),
    ...u16le(screen[1]),
    0,
    0,
    0,
    // a graphic control extension, to be skipped
    0x21,
    0xf9,
    4,
    0,
    0,
    0,
    0,
    0,
    0x2c,
    0,
    0,
    0,
    0,
    ...u16le(frame[0]),
    ...u16le(frame[1]),
    0,
    2,
    2,
    0x4c,
    0x01,
    0,
    0x3b,
  );
}

describe('sniffImage', () => {
  it('recognises a PNG by its bytes and reads its size from the header', async () => {
    expect(await sniff(png(30, 40))).toEqual({ format: 'png', width: 30, height: 40 });
  });

  it('reads a huge PNG size from the header alone, before any decoding', async () => {
    const header = png(1, 1).slice(0, 33);
    const view = new DataView(header.buffer);
    view.setUint32(16, 20000);
    view.setUint32(20, 20000);
    expect(await sniff(header)).toMatchObject({ format: 'png', width: 20000, height: 20000 });
  });

  it('reads a JPEG frame size from its SOF marker', async () => {
    expect(await sniff(bytes(0xff, 0xd8), sof0(0x0304, 0x0102))).toEqual({
      format: 'jpeg',
      width: 0x0304,
      height: 0x0102,
    });
  });

  it('finds a JPEG frame size past a 200 KiB EXIF block, reading only the bytes it needs', async () => {
    // APP1 segments hold at most 65533 bytes: four of them, then the SOF saying 20000 × 20000.
    const app1 = new Uint8Array(2 + 65535);
    app1.set([0xff, 0xe1, 0xff, 0xff]);
    const file = new Blob([bytes(0xff, 0xd8), app1, app1, app1, app1, sof0(20000, 20000)] as BlobPart[]);
    expect(file.size).toBeGreaterThan(200 * 1024);
    let read = 0;
    const counting = {
      size: file.size,
      slice: (start?: number, end?: number) => {
        const part = file.slice(start, end);
        read += part.size;
        return part;
      },
    } as unknown as Blob;
    expect(await sniffImage(counting)).toEqual({ format: 'jpeg', width: 20000, height: 20000 });
    expect(read, 'the EXIF data is skipped, not read').toBeLessThan(file.size);
  });

  it('reads a GIF as large as its largest frame, not only its logical screen', async () => {
    expect(await sniff(gif([10, 10], [20000, 20000]))).toEqual({
      format: 'gif',
      width: 20000,
      height: 20000,
    });
    expect(await sniff(gif([30, 20], [4, 4]))).toEqual({ format: 'gif', width: 30, height: 20 });
  });

  it('reads an OS/2 BMP (12-byte BITMAPCOREHEADER, 16-bit sides) by its header size', async () => {
    const os2 = bytes(
      ...text('BM'),
      ...new Array(12).fill(0),
      12,
      0,
      0,
      0,
      ...u16le(30),
      ...u16le(20),
      1,
      0,
      24,
      0,
    );
    expect(await sniff(os2, new Uint8Array(30 * 20 * 3))).toEqual({ format: 'bmp', width: 30, height: 20 });
    const info = bytes(
      ...text('BM'),
      ...new Array(12).fill(0),
      40,
      0,
      0,
      0,
      30,
      0,
      0,
      0,
      0xec,
      0xff,
      0xff,
      0xff,
    );
    expect(await sniff(info, new Uint8Array(40))).toEqual({ format: 'bmp', width: 30, height: 20 });
    const odd = bytes(...text('BM'), ...new Array(12).fill(0), 200, 0, 0, 0, ...new Array(20).fill(9));
    expect(await sniff(odd), 'an unknown header size leaves the size to the decoder').toEqual({
      format: 'bmp',
      width: null,
      height: null,
    });
  });

  it('recognises AVIF by its ftyp brand and reads the largest ispe', async () => {
    const ftyp = bytes(...u32be(24), ...text('ftypavif'), 0, 0, 0, 0, ...text('mif1miaf'));
    const ispe = (w: number, h: number) =>
      bytes(...u32be(20), ...text('ispe'), 0, 0, 0, 0, ...u32be(w), ...u32be(h));
    expect(await sniff(ftyp, ispe(640, 480))).toEqual({ format: 'avif', width: 640, height: 480 });
    expect(await sniff(ftyp, ispe(512, 512), ispe(20000, 20000))).toMatchObject({ width: 20000 });
    expect(await sniff(ftyp)).toEqual({ format: 'avif', width: null, height: null });
    const heic = bytes(...u32be(20), ...text('ftypheic'), 0, 0, 0, 0, ...text('mif1'));
    expect((await sniff(heic)).format).toBe('heif');
  });

  it('tells an SVG apart so the page can say why it is refused', async () => {
    const svg = text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect((await sniff(svg)).format).toBe('svg');
  });

  it.each([
    ['a PDF', text('%PDF-1.7\n')],
    ['an empty file', new Uint8Array()],
    ['text named .png', text('hello')],
    ['an MP4 video', bytes(...u32be(20), ...text('ftypisom'), 0, 0, 0, 0, ...text('mp41'))],
  ])('does not take %s for an image', async (_, b) => {
    expect((await sniff(b)).format).toBeNull();
  });
});
