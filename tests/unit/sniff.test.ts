import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/image/sniff.ts';

function png(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(128);
  return new Uint8Array(PNG.sync.write(image));
}

describe('sniffImage', () => {
  it('recognises a PNG by its bytes and reads its size from the header', () => {
    expect(sniffImage(png(30, 40))).toEqual({ format: 'png', width: 30, height: 40 });
  });

  it('reads a huge PNG size from the header alone, before any decoding', () => {
    const header = png(1, 1).slice(0, 33);
    const view = new DataView(header.buffer);
    view.setUint32(16, 20000);
    view.setUint32(20, 20000);
    expect(sniffImage(header)).toMatchObject({ format: 'png', width: 20000, height: 20000 });
  });

  it('reads a JPEG frame size from its SOF marker', () => {
    // SOI, then an SOF0 segment: length 17, precision 8, height 0x0102, width 0x0304.
    const bytes = new Uint8Array([
      0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 1, 2, 3, 4, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(sniffImage(bytes)).toEqual({ format: 'jpeg', width: 0x0304, height: 0x0102 });
  });

  it('tells an SVG apart so the page can say why it is refused', () => {
    const svg = new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(sniffImage(svg).format).toBe('svg');
  });

  it.each([
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n')],
    ['an empty file', new Uint8Array()],
    ['text named .png', new TextEncoder().encode('hello')],
  ])('does not take %s for an image', (_, bytes) => {
    expect(sniffImage(bytes).format).toBeNull();
  });
});
