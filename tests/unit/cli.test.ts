/**
 * The command line (docs/cli.md), run for real: `node bin/kernelscope.js` in a child process, from a
 * temporary directory, on PNG and JPEG files written here. The .npy files are read back with a parser of
 * this file's own and checked against tests/fixtures/conv-cases.json.
 *
 * The launcher runs the CLI built to JavaScript (dist-cli/main.js): it is rebuilt here first, so the tests
 * see the current source, and every run goes through a Node resolve hook that fails on tsx or a .ts file,
 * so the built CLI is known to need plain Node only.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOrientation, exifOrientation, type RgbImage } from '../../src/cli/decode.ts';
import { encodeNpy } from '../../src/export/npy.ts';
import { FLAT_MAP_GRAY, mapToGray } from '../../src/cli/png.ts';
import { parseNetwork } from '../../src/core/network.ts';
import { referenceNetwork } from '../reference/convLoop.ts';

const BIN = fileURLToPath(new URL('../../bin/kernelscope.js', import.meta.url));
const BUILD_CLI = fileURLToPath(new URL('../../scripts/build-cli.mjs', import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));

/** A Node resolve hook (registered with --import) that refuses tsx and TypeScript sources. */
const NO_TYPESCRIPT_HOOK = `
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const path = resolved.url.startsWith('file:') ? new URL(resolved.url).pathname : '';
  if (/\\/node_modules\\/tsx\\/|\\.[cm]?tsx?$/.test(path)) throw new Error('the CLI loaded ' + path);
  return resolved;
}`;
const NO_TYPESCRIPT = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(NO_TYPESCRIPT_HOOK)}`)});`,
)}`;
const FIXTURES = fileURLToPath(new URL('../fixtures/conv-cases.json', import.meta.url));

interface FixtureArray {
  shape: number[];
  data: number[];
}
interface FixtureCase {
  name: string;
  image: FixtureArray;
  spec: unknown;
  expected: { conv: FixtureArray; maxpool: FixtureArray; avgpool: FixtureArray };
}
interface Fixtures {
  tolerance: { abs: number; rel: number };
  cases: FixtureCase[];
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let work: string;
let fixtures: Fixtures;

/** Runs a Node script to its end; rejects with its output when it fails. */
function runNode(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')}: ${output}`))));
  });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kernelscope-cli-'));
  fixtures = JSON.parse(await readFile(FIXTURES, 'utf8')) as Fixtures;
  await runNode([BUILD_CLI]);
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/**
 * Runs the real CLI from the temporary directory (not the repo) with plain Node (no TypeScript allowed),
 * optionally feeding standard input.
 */
function runCli(args: string[], stdin = '', bin = BIN): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', NO_TYPESCRIPT, bin, ...args], {
      cwd: work,
      env: { ...process.env, KERNELSCOPE_DEBUG: '', NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** A file in the temporary directory; returns its path. */
async function put(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(work, name);
  await writeFile(path, content);
  return path;
}

// ---- an independent .npy reader (numpy.lib.format, version 1.0) ----

interface Npy {
  version: [number, number];
  headerLength: number;
  header: string;
  descr: string;
  fortranOrder: boolean;
  shape: number[];
  data: Float32Array;
}

function parseNpy(bytes: Uint8Array): Npy {
  const magic = Array.from(bytes.subarray(0, 6));
  expect(magic).toEqual([0x93, ...Buffer.from('NUMPY')]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint16(8, true);
  const header = Buffer.from(bytes.subarray(10, 10 + headerLength)).toString('latin1');
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1] ?? '';
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '';
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  const start = 10 + headerLength;
  const count = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) data[i] = view.getFloat32(start + 4 * i, true);
  expect(bytes.length).toBe(start + 4 * count);
  return {
    version: [bytes[6] ?? -1, bytes[7] ?? -1],
    headerLength,
    header,
    descr,
    fortranOrder: fortran === 'True',
    shape,
    data,
  };
}

// ---- image files built here ----

/** An RGBA PNG (alpha 255) of an [H, W, 3] array of integer floats 0..255, exactly as pngjs writes it. */
function rgbPng(height: number, width: number, rgb: ArrayLike<number>): Uint8Array {
  const png = new pngjs.PNG({ width, height });
  for (let p = 0; p < width * height; p++) {
    png.data[p * 4] = rgb[p * 3] ?? 0;
    png.data[p * 4 + 1] = rgb[p * 3 + 1] ?? 0;
    png.data[p * 4 + 2] = rgb[p * 3 + 2] ?? 0;
    png.data[p * 4 + 3] = 255;
  }
  return pngjs.PNG.sync.write(png);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A PNG written by hand, for the color types pngjs does not write: `rows` are unfiltered scanlines. */
function handPng(
  width: number,
  height: number,
  bitDepth: number,
  colorType: number,
  rows: Uint8Array[],
  plte?: Uint8Array,
): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = colorType;
  const raw = Buffer.concat(rows.map((r) => Buffer.concat([Buffer.from([0]), r])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...(plte ? [chunk('PLTE', plte)] : []),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** A JPEG with an EXIF APP1 segment (big-endian TIFF, one IFD0 entry: Orientation) right after SOI. */
function withOrientation(jpegBytes: Uint8Array, orientation: number): Uint8Array {
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // "MM", 42, IFD0 at 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00, // Orientation, SHORT, 1
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([
    Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]),
    payload,
  ]);
  return Buffer.concat([jpegBytes.subarray(0, 2), app1, jpegBytes.subarray(2)]);
}

/** Feature maps equal to the input's R, G and B: a 1x1 identity filter applied per channel, no padding. */
const IDENTITY_SPEC = JSON.stringify({
  channels: 'rgb-per-channel',
  filters: [{ weights: [[1]] }],
  padding: 'valid',
});

async function readNpy(dir: string, name: string): Promise<Npy> {
  return parseNpy(await readFile(join(work, dir, `${name}.npy`)));
}

function expectClose(actual: Float32Array, expected: FixtureArray, label: string): void {
  const { abs, rel } = fixtures.tolerance;
  expect(actual.length, label).toBe(expected.data.length);
  expected.data.forEach((e, i) => {
    const a = actual[i] ?? NaN;
    if (!(Math.abs(a - e) <= abs + rel * Math.abs(e))) {
      expect.fail(`${label}[${i}]: got ${a}, expected ${e} (tolerance ${abs} + ${rel} * |expected|)`);
    }
  });
}

function fixtureCase(name: string): FixtureCase {
  const found = fixtures.cases.find((c) => c.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
}

/** Writes the case's image as a PNG; throws if the fixture image is not integer 0..255 (a PNG could not hold it). */
async function fixturePng(c: FixtureCase): Promise<string> {
  const [h, w, ch] = c.image.shape;
  expect(ch).toBe(3);
  expect(c.image.data.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true);
  return put(`${c.name}.png`, rgbPng(h ?? 0, w ?? 0, c.image.data));
}

function expectOneLineError(run: Run, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^kernelscope: /);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('kernelscope render: refusing bad input with exit 2 and one line on stderr', () => {
  let png: string;
  let spec: string;
  beforeAll(async () => {
    png = await put(
      'small.png',
      rgbPng(
        6,
        5,
        Array.from({ length: 90 }, (_, i) => (i * 29) % 256),
      ),
    );
    spec = await put('sobel.json', '{}');
  });

  it('refuses a missing --image', async () => {
    expectOneLineError(await runCli(['render', '--spec', spec, '--out', 'o']), /missing --image/);
  });

  it('refuses a missing --out', async () => {
    expectOneLineError(await runCli(['render', '--image', png, '--spec', spec]), /missing --out/);
  });

  it('refuses an unknown flag', async () => {
    expectOneLineError(
      await runCli(['render', '--image', png, '--spec', spec, '--out', 'o', '--colour']),
      /--colour/,
    );
  });

  it('refuses a missing command and an unknown one', async () => {
    expectOneLineError(await runCli(['--image', png]), /missing command/);
    expectOneLineError(await runCli(['draw', '--image', png]), /unknown command "draw"/);
  });

  it('refuses a PDF, saying what it looks like', async () => {
    const pdf = await put('paper.png', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< >>\nendobj\n');
    expectOneLineError(
      await runCli(['render', '--image', pdf, '--spec', spec, '--out', 'o']),
      /paper\.png is not a PNG or JPEG \(it looks like a PDF\)/,
    );
  });

  it('refuses a zero-byte image', async () => {
    const empty = await put('empty.png', '');
    expectOneLineError(
      await runCli(['render', '--image', empty, '--spec', spec, '--out', 'o']),
      /empty\.png is empty/,
    );
  });

  it('refuses a truncated PNG', async () => {
    const whole = rgbPng(6, 5, new Array<number>(90).fill(7));
    const cut = await put('cut.png', whole.subarray(0, 40));
    expectOneLineError(
      await runCli(['render', '--image', cut, '--spec', spec, '--out', 'o']),
      /cut\.png is not a valid PNG/,
    );
  });

  it('refuses an image file that does not exist', async () => {
    expectOneLineError(
      await runCli(['render', '--image', 'nope.png', '--spec', spec, '--out', 'o']),
      /cannot read image nope\.png: no such file/,
    );
  });

  it('refuses a spec that is not JSON', async () => {
    const bad = await put('bad.json', '{"stride": [1, 1],\n "padding": }');
    expectOneLineError(
      await runCli(['render', '--image', png, '--spec', bad, '--out', 'o']),
      /bad\.json is not valid JSON/,
    );
  });

  it('refuses stride 0, naming the field', async () => {
    expectOneLineError(
      await runCli(['render', '--image', png, '--spec', '-', '--out', 'o'], '{"stride": [0, 1]}'),
      /bad spec \(field stride\[0\]\): .*from 1/,
    );
  });

  it('refuses a kernel bigger than the image, naming the field', async () => {
    const big = JSON.stringify({
      filters: [{ weights: Array.from({ length: 7 }, () => new Array<number>(7).fill(1)) }],
      padding: 'valid',
    });
    expectOneLineError(
      await runCli(['render', '--image', png, '--spec', '-', '--out', 'o'], big),
      /bad spec \(field filters\): .*no output for a 6-pixel-tall image/,
    );
  });

  it('refuses an unknown --scale', async () => {
    expectOneLineError(
      await runCli(['render', '--image', png, '--spec', spec, '--out', 'o', '--scale', 'log']),
      /--scale must be minmax or clip/,
    );
  });

  it('writes nothing when it refuses', async () => {
    await runCli(['render', '--image', png, '--spec', '-', '--out', 'refused'], '{"stride": 0}');
    await expect(readdir(join(work, 'refused'))).rejects.toThrow();
  });
});

describe('kernelscope render: results', () => {
  it('prints the usage for --help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/kernelscope render --image IMG --spec SPEC\.json --out DIR/);
    expect(run.stdout).toMatch(/minmax/);
    expect(run.stdout).toMatch(/--version/);
    expect(run.stdout).toMatch(/docs\/spec\.md/);
    expect(run.stdout).toMatch(/docs\/cli\.md/);
    expect(run.stderr).toBe('');
  });

  it.each(['--version', '-v', 'render --version'])(
    'prints the package version for `kernelscope %s` and exits 0',
    async (args) => {
      const { version } = JSON.parse(await readFile(PACKAGE_JSON, 'utf8')) as { version: string };
      const run = await runCli(args.split(' '));
      expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    },
  );

  it('says in one line how to build it when the built CLI is missing', async () => {
    // The launcher alone, with no dist-cli/ beside its folder.
    const bin = join(work, 'unbuilt', 'bin', 'kernelscope.js');
    await mkdir(join(work, 'unbuilt', 'bin'), { recursive: true });
    await copyFile(BIN, bin);
    const run = await runCli(['--version'], '', bin);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^kernelscope: the command line is not built .*npm run build:cli.*\n$/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a 1 x 1 image: writes the 1 x 1 map, empty poolings (0 x 0 x 1 .npy, no PNG) and says why', async () => {
    const image = await put('dot.png', rgbPng(1, 1, [200, 200, 200]));
    const spec = await put(
      'centre.json',
      JSON.stringify({
        filters: [
          {
            weights: [
              [0, 0, 0],
              [0, 1, 0],
              [0, 0, 0],
            ],
          },
        ],
      }),
    );
    const run = await runCli(['render', '--image', image, '--spec', spec, '--out', 'out-dot']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /maxpool\.npy {2}0 x 0 x 1 {2}\(no PNG: the 2 x 2 pooling window is larger than the 1 x 1 feature map/,
    );
    const conv = await readNpy('out-dot', 'conv');
    expect(conv.shape).toEqual([1, 1, 1]);
    expect([...conv.data]).toEqual([200]);
    for (const stage of ['maxpool', 'avgpool'] as const)
      expect((await readNpy('out-dot', stage)).shape).toEqual([0, 0, 1]);
    expect((await readdir(join(work, 'out-dot'))).sort()).toEqual([
      'avgpool.npy',
      'conv-1.png',
      'conv.npy',
      'maxpool.npy',
    ]);
  });

  it.each(['case-000', 'case-002', 'case-021', 'seed-sobel-27-valid'])(
    'matches the reference results of %s, as .npy files numpy can load',
    async (name) => {
      const c = fixtureCase(name);
      const image = await fixturePng(c);
      const spec = await put(`${name}.json`, JSON.stringify(c.spec));
      const run = await runCli(['render', '--image', image, '--spec', spec, '--out', `out-${name}`]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);

      for (const stage of ['conv', 'maxpool', 'avgpool'] as const) {
        const npy = await readNpy(`out-${name}`, stage);
        expect(npy.version).toEqual([1, 0]);
        expect((10 + npy.headerLength) % 64).toBe(0);
        expect(npy.header.endsWith('\n')).toBe(true);
        expect(npy.descr).toBe('<f4');
        expect(npy.fortranOrder).toBe(false);
        expect(npy.shape).toEqual(c.expected[stage].shape);
        expectClose(npy.data, c.expected[stage], `${name} ${stage}`);
      }

      // One gray PNG per map and stage, at the map's size.
      const maps = c.expected.conv.shape[2] ?? 0;
      const files = await readdir(join(work, `out-${name}`));
      for (const stage of ['conv', 'maxpool', 'avgpool'] as const) {
        const pngs = files.filter((f) => new RegExp(`^${stage}-\\d+\\.png$`).test(f)).sort();
        expect(pngs).toHaveLength(maps);
        const first = pngjs.PNG.sync.read(await readFile(join(work, `out-${name}`, `${stage}-1.png`)));
        expect([first.height, first.width]).toEqual(c.expected[stage].shape.slice(0, 2));
        expect(first.colorType).toBe(0);
      }
    },
  );

  it('reads the spec from standard input with --spec -', async () => {
    const c = fixtureCase('case-001');
    const image = await fixturePng(c);
    const run = await runCli(
      ['render', '--image', image, '--spec', '-', '--out', 'out-stdin'],
      JSON.stringify(c.spec),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/conv\.npy/);
    for (const stage of ['conv', 'maxpool', 'avgpool'] as const) {
      const npy = await readNpy('out-stdin', stage);
      expect(npy.shape).toEqual(c.expected[stage].shape);
      expectClose(npy.data, c.expected[stage], `case-001 ${stage}`);
    }
  });

  it('creates a missing output directory, nested', async () => {
    const image = await put('tiny.png', rgbPng(4, 4, new Array<number>(48).fill(100)));
    const run = await runCli(['render', '--image', image, '--spec', '-', '--out', 'a/b/c', '--quiet'], '{}');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect((await readdir(join(work, 'a/b/c'))).sort()).toEqual(
      ['avgpool-1.png', 'avgpool.npy', 'conv-1.png', 'conv.npy', 'maxpool-1.png', 'maxpool.npy'].sort(),
    );
  });

  it('decodes a JPEG to the same pixels jpeg-js gives', async () => {
    const [width, height] = [24, 16];
    const rgba = new Uint8Array(width * height * 4);
    for (let p = 0; p < width * height; p++) {
      rgba.set([(p % width) * 10, Math.floor(p / width) * 15, 128, 255], p * 4);
    }
    const bytes = jpeg.encode({ width, height, data: rgba }, 95).data;
    const reference = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false });
    const run = await runCli(
      ['render', '--image', await put('photo.jpg', bytes), '--spec', '-', '--out', 'out-jpeg'],
      IDENTITY_SPEC,
    );
    expect(run.stderr).toBe('');
    const conv = await readNpy('out-jpeg', 'conv');
    expect(conv.shape).toEqual([height, width, 3]);
    expect(Array.from(conv.data)).toEqual(Array.from(reference.data));
  });

  it('turns a JPEG by its EXIF orientation, as browsers do (6: 90 degrees clockwise)', async () => {
    // Stored 16 wide x 8 tall, left half black, right half white: shown 8 wide x 16 tall, top half black.
    const [width, height] = [16, 8];
    const rgba = new Uint8Array(width * height * 4);
    for (let p = 0; p < width * height; p++) {
      const v = p % width < 8 ? 0 : 255;
      rgba.set([v, v, v, 255], p * 4);
    }
    const bytes = withOrientation(jpeg.encode({ width, height, data: rgba }, 100).data, 6);
    const run = await runCli(
      ['render', '--image', await put('turned.jpg', bytes), '--spec', '-', '--out', 'out-exif'],
      IDENTITY_SPEC,
    );
    expect(run.stderr).toBe('');
    const conv = await readNpy('out-exif', 'conv');
    expect(conv.shape).toEqual([16, 8, 3]);
    const at = (y: number, x: number): number => conv.data[(y * 8 + x) * 3] ?? NaN;
    expect(at(2, 4)).toBeLessThan(30);
    expect(at(13, 4)).toBeGreaterThan(225);
  });

  const GRAYS = [0, 100, 200, 50, 150, 255];
  const RGB = [0, 100, 200, 50, 150, 255, 0, 100, 200, 50, 150, 255, 1, 2, 3, 4, 5, 6];
  /** 3 x 2 PNGs of each kind, with the [2, 3, 3] RGB they must decode to. */
  const PNG_KINDS: [string, () => Uint8Array, number[]][] = [
    [
      '8-bit gray',
      () => handPng(3, 2, 8, 0, [Uint8Array.from(GRAYS.slice(0, 3)), Uint8Array.from(GRAYS.slice(3))]),
      GRAYS.flatMap((g) => [g, g, g]),
    ],
    [
      // Big-endian 16-bit samples g * 257 scale back to exactly g.
      '16-bit gray',
      () =>
        handPng(3, 2, 16, 0, [
          Uint8Array.from(GRAYS.slice(0, 3).flatMap((g) => [g, g])),
          Uint8Array.from(GRAYS.slice(3).flatMap((g) => [g, g])),
        ]),
      GRAYS.flatMap((g) => [g, g, g]),
    ],
    [
      'palette',
      () =>
        handPng(
          3,
          2,
          8,
          3,
          [Uint8Array.from([0, 1, 2]), Uint8Array.from([2, 1, 0])],
          Uint8Array.from([10, 20, 30, 40, 50, 60, 70, 80, 90]),
        ),
      [10, 20, 30, 40, 50, 60, 70, 80, 90, 70, 80, 90, 40, 50, 60, 10, 20, 30],
    ],
    [
      'fully transparent RGBA (alpha dropped, not composited)',
      () => {
        const png = pngjs.PNG.sync.read(Buffer.from(rgbPng(2, 3, RGB)));
        for (let p = 0; p < 6; p++) png.data[p * 4 + 3] = 0;
        return pngjs.PNG.sync.write(png);
      },
      RGB,
    ],
  ];

  it.each(PNG_KINDS)('decodes a %s PNG to RGB', async (kind, make, expected) => {
    const name = kind.replace(/\W+/g, '-');
    const run = await runCli(
      ['render', '--image', await put(`${name}.png`, make()), '--spec', '-', '--out', `out-${name}`],
      IDENTITY_SPEC,
    );
    expect(run.stderr).toBe('');
    const conv = await readNpy(`out-${name}`, 'conv');
    expect(conv.shape).toEqual([2, 3, 3]);
    expect(Array.from(conv.data)).toEqual(expected);
  });
});

describe('kernelscope render: networks', () => {
  const IMAGE = Array.from({ length: 14 * 12 * 3 }, (_, i) => (i * 37 + (i % 5) * 11) % 256);
  const NETWORK = {
    layers: [
      {
        channels: 'rgb',
        filters: [{ weights: [[[1, 0, -1]]] }, { weights: [[[1, 2, 1]]], bias: -20 }],
        activation: 'relu',
      },
      {
        filters: [
          {
            weights: [
              [
                [1, -1],
                [0.5, 0.5],
              ],
            ],
          },
          { weights: [[1, 1]] },
          { weights: [[-1, 0]] },
        ],
        padding: 'valid',
        output: 'conv',
      },
      {
        filters: [
          {
            weights: [
              [0.25, 0.25],
              [0.25, 0.25],
            ],
          },
        ],
        activation: 'abs',
        pool: { size: 3, stride: 1 },
      },
    ],
  };

  it('writes DIR/layer-N/{conv,maxpool,avgpool}.npy and PNGs per layer, equal to the plain-loop reference', async () => {
    const image = await put('net.png', rgbPng(14, 12, IMAGE));
    const spec = await put('net.json', JSON.stringify(NETWORK));
    const run = await runCli(['render', '--image', image, '--spec', spec, '--out', 'out-net']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await readdir(join(work, 'out-net'))).sort()).toEqual(['layer-1', 'layer-2', 'layer-3']);
    expect(run.stdout).toMatch(/out-net\/layer-2\/conv\.npy {2}7 x 5 x 3 {2}\(\+ 3 PNGs\)/);

    const net = parseNetwork(NETWORK);
    const reference = referenceNetwork({ shape: [14, 12, 3], data: IMAGE }, net.layers);
    for (const [i, want] of reference.entries()) {
      const dir = `out-net/layer-${i + 1}`;
      for (const stage of ['conv', 'maxpool', 'avgpool'] as const) {
        const npy = await readNpy(dir, stage);
        expect(npy.shape, `${dir} ${stage}`).toEqual(want[stage].shape);
        expectClose(npy.data, { shape: want[stage].shape, data: [...want[stage].data] }, `${dir} ${stage}`);
      }
      const maps = want.conv.shape[2];
      const pngs = (await readdir(join(work, dir))).filter((f) => f.endsWith('.png'));
      expect(pngs).toHaveLength(3 * maps);
    }
  });

  it('writes a one-layer {layers} network as a plain spec: in DIR itself', async () => {
    const image = await put('net1.png', rgbPng(4, 4, new Array<number>(48).fill(100)));
    const run = await runCli(
      ['render', '--image', image, '--spec', '-', '--out', 'out-net1', '-q'],
      '{"layers": [{}]}',
    );
    expect(run.code).toBe(0);
    expect((await readdir(join(work, 'out-net1'))).sort()).toEqual(
      ['avgpool-1.png', 'avgpool.npy', 'conv-1.png', 'conv.npy', 'maxpool-1.png', 'maxpool.npy'].sort(),
    );
  });

  it.each([
    [
      'weights of the wrong depth',
      { layers: [{}, { filters: [{ weights: [[[1, 1]]] }] }] },
      /bad spec \(field layers\[1\]\.filters\[0\]\.weights\): has 2 channel weights per cell, but an input of 1 map \(the layer before\) needs 1/,
    ],
    [
      'channels on layer 2',
      { layers: [{}, { channels: 'rgb' }] },
      /field layers\[1\]\.channels\): only the first layer/,
    ],
    [
      'a layer with no output',
      { layers: [{}, { filters: [{ weights: [[1], [1], [1], [1]] }], padding: 'valid' }] },
      /field layers\[1\]\.filters\): a kernel of effective size 4 leaves no output for a 3-pixel-tall image/,
    ],
    [
      'an empty pooling the next layer feeds on',
      { layers: [{ pool: { size: 7 } }, {}] },
      /field layers\[0\]\.pool\.size\): the 7 x 7 pooling window is larger than the 6 x 5 feature map.*layer 2 needs it/,
    ],
    ['seven layers', { layers: Array(7).fill({}) }, /field layers\): must be an array of 1 to 6 layer specs/],
  ])('refuses %s, naming the layer and the field, and writes nothing', async (_what, network, pattern) => {
    const png = await put(
      'net-small.png',
      rgbPng(
        6,
        5,
        Array.from({ length: 90 }, (_, i) => (i * 29) % 256),
      ),
    );
    const out = `refused-${_what.replace(/\W+/g, '-')}`;
    expectOneLineError(
      await runCli(['render', '--image', png, '--spec', '-', '--out', out], JSON.stringify(network)),
      pattern,
    );
    await expect(readdir(join(work, out))).rejects.toThrow();
  });
});

describe('the .npy writer and the map PNGs', () => {
  it.each([[[1]], [[5, 9, 3]], [[100000, 1, 1]], [[0, 4, 2]], [[7]]])(
    'writes a header numpy accepts for shape %j',
    (shape) => {
      const count = shape.reduce((a, b) => a * b, 1);
      const data = Float32Array.from({ length: count }, (_, i) => i - 0.5);
      const npy = parseNpy(encodeNpy(data, shape));
      expect((10 + npy.headerLength) % 64).toBe(0);
      expect(npy.header).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \([^)]*\), \} *\n$/);
      expect(npy.shape).toEqual(shape);
      expect(Array.from(npy.data)).toEqual(Array.from(data));
      if (shape.length === 1) expect(npy.header).toContain(`(${shape[0]},)`);
    },
  );

  it('refuses a shape that does not match the data', () => {
    expect(() => encodeNpy(new Float32Array(5), [2, 3])).toThrow(/holds 6 values/);
  });

  it('stretches a signed map from black to white, and shows a constant map as mid-gray', () => {
    // [1, 3, 2]: map 0 is -10, 0, 10; map 1 is constant 4.
    const values = Float32Array.from([-10, 4, 0, 4, 10, 4]);
    expect(Array.from(mapToGray(values, [1, 3, 2], 0, 'minmax'))).toEqual([0, 128, 255]);
    expect(Array.from(mapToGray(values, [1, 3, 2], 1, 'minmax'))).toEqual([
      FLAT_MAP_GRAY,
      FLAT_MAP_GRAY,
      FLAT_MAP_GRAY,
    ]);
    expect(Array.from(mapToGray(values, [1, 3, 2], 0, 'clip'))).toEqual([0, 0, 10]);
  });
});

describe('EXIF orientation', () => {
  /** A w x h image whose pixel (x, y) is [x, y, 7]. */
  function coords(w: number, h: number): RgbImage {
    const rgb = new Uint8Array(w * h * 3);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgb.set([x, y, 7], (y * w + x) * 3);
    return { width: w, height: h, rgb };
  }
  function pixel(img: RgbImage, x: number, y: number): number[] {
    return Array.from(img.rgb.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3));
  }
  function build(w: number, h: number, at: (x: number, y: number) => number[]): RgbImage {
    const rgb = new Uint8Array(w * h * 3);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgb.set(at(x, y), (y * w + x) * 3);
    return { width: w, height: h, rgb };
  }
  // Two primitives, composed as the EXIF spec describes the eight orientations.
  const rotateCw = (img: RgbImage): RgbImage =>
    build(img.height, img.width, (x, y) => pixel(img, y, img.height - 1 - x));
  const mirror = (img: RgbImage): RgbImage =>
    build(img.width, img.height, (x, y) => pixel(img, img.width - 1 - x, y));
  const turns = (img: RgbImage, n: number): RgbImage => (n === 0 ? img : turns(rotateCw(img), n - 1));
  const EXPECTED: Record<number, (img: RgbImage) => RgbImage> = {
    1: (img) => img,
    2: mirror,
    3: (img) => turns(img, 2),
    4: (img) => mirror(turns(img, 2)),
    5: (img) => mirror(turns(img, 1)),
    6: (img) => turns(img, 1),
    7: (img) => mirror(turns(img, 3)),
    8: (img) => turns(img, 3),
  };

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'orientation %i turns and mirrors the pixels as the EXIF spec says',
    (o) => {
      const stored = coords(4, 3);
      const want = EXPECTED[o]?.(stored);
      const got = applyOrientation(stored, o);
      expect([got.width, got.height]).toEqual([want?.width, want?.height]);
      expect(Array.from(got.rgb)).toEqual(Array.from(want?.rgb ?? []));
    },
  );

  it('reads the orientation from little- and big-endian EXIF, and 1 when absent or malformed', () => {
    const little = Uint8Array.from([
      0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0,
    ]);
    const big = Uint8Array.from([
      0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 3, 0, 0, 0, 0, 0, 0,
    ]);
    expect(exifOrientation(little)).toBe(8);
    expect(exifOrientation(big)).toBe(3);
    expect(exifOrientation(big.subarray(0, 12))).toBe(1);
    expect(exifOrientation(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]))).toBe(1);
  });
});
