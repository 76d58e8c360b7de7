/**
 * `kernelscope render`: image + spec in, .npy files and PNGs out. Everything that can be wrong with the
 * input is checked before any tensor is made, in the order a person would fix it: the spec text, the spec,
 * the image file, the image, the spec against the image's size. A network of two or more layers writes
 * each layer's results in DIR/layer-N/; one layer (a plain spec) writes them in DIR itself.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  disposeNetworkOutputs,
  networkGeometry,
  parseNetwork,
  runNetwork,
  type LayerGeometry,
  type NetworkSpec,
} from '../core/index.ts';
import { initCpuBackend } from './backend.ts';
import { decodeImage, imageTensor } from './decode.ts';
import { fileProblem, InputError, oneLine } from './errors.ts';
import { encodeNpy } from '../export/npy.ts';
import { encodeGrayPng, mapToGray, type PngScale } from './png.ts';

/** Largest spec text accepted (64 filters of 31 x 31 x 3 weights fit easily). */
export const MAX_SPEC_BYTES = 16 * 1024 * 1024;
/** Largest image file accepted; the decoded size is checked separately. */
export const MAX_IMAGE_FILE_BYTES = 256 * 1024 * 1024;
/**
 * Largest padded image x maps the cpu backend is asked for (2^27 float32 values, 512 MiB per tensor): a
 * bound on the feature maps and on the full-resolution maps computed when both stride and dilation exceed 1.
 */
export const MAX_LAYER_VALUES = 2 ** 27;

export interface RenderOptions {
  imagePath: string;
  /** A file path, or `-` for standard input. */
  specPath: string;
  outDir: string;
  scale: PngScale;
}

export interface StageResult {
  /** The layer (from 1). */
  layer: number;
  /** `conv`, `maxpool` or `avgpool`: the .npy name and the PNG prefix. */
  name: 'conv' | 'maxpool' | 'avgpool';
  shape: [number, number, number];
  files: string[];
  /** Why the stage is empty (a pooling window larger than the map): its .npy is 0 x 0 x maps, no PNG. */
  empty?: string;
}

async function readText(stream: AsyncIterable<Buffer | string>, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > limit) throw new InputError(`spec on standard input is over ${limit / 1024 / 1024} MiB`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The spec text (a layer or a network) from a file or from standard input (`-`), parsed and validated. */
export async function loadSpec(
  specPath: string,
  stdin: () => AsyncIterable<Buffer | string>,
): Promise<NetworkSpec> {
  const where = specPath === '-' ? 'spec on standard input' : `spec ${specPath}`;
  let text: string;
  if (specPath === '-') {
    text = await readText(stdin(), MAX_SPEC_BYTES);
  } else {
    try {
      const info = await stat(specPath);
      if (info.isDirectory()) throw new InputError(`cannot read ${where}: it is a directory`);
      if (info.size > MAX_SPEC_BYTES)
        throw new InputError(`${where} is over ${MAX_SPEC_BYTES / 1024 / 1024} MiB`);
      text = await readFile(specPath, 'utf8');
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError(`cannot read ${where}: ${fileProblem(err)}`);
    }
  }
  if (text.trim() === '') throw new InputError(`${where} is empty; it must be a JSON object such as {}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(
      `${where} is not valid JSON: ${oneLine(err instanceof Error ? err.message : String(err))}`,
    );
  }
  // A SpecError names its field (and layer); main.ts reports it.
  return parseNetwork(json);
}

async function loadImage(imagePath: string): Promise<ReturnType<typeof decodeImage>> {
  let bytes: Uint8Array;
  try {
    const info = await stat(imagePath);
    if (info.isDirectory()) throw new InputError(`cannot read image ${imagePath}: it is a directory`);
    if (info.size > MAX_IMAGE_FILE_BYTES) {
      throw new InputError(`image ${imagePath} is over ${MAX_IMAGE_FILE_BYTES / 1024 / 1024} MiB`);
    }
    bytes = await readFile(imagePath);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read image ${imagePath}: ${fileProblem(err)}`);
  }
  try {
    return decodeImage(bytes);
  } catch (err) {
    if (err instanceof InputError) throw new InputError(`image ${imagePath} ${err.message}`);
    throw err;
  }
}

function checkBudget(geometry: LayerGeometry, layer: string): void {
  const { input, pads, conv } = geometry;
  const paddedH = input.height + pads.top + pads.bottom;
  const paddedW = input.width + pads.left + pads.right;
  const values = paddedH * paddedW * conv.maps;
  if (values > MAX_LAYER_VALUES) {
    throw new InputError(
      `${layer} is too large for the command line: ${paddedH} x ${paddedW} padded pixels x ${conv.maps} maps ` +
        `is ${values} values, over the limit of ${MAX_LAYER_VALUES}; use a smaller image, fewer filters or less padding`,
    );
  }
}

async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST' || code === 'ENOTDIR' ? 'it exists and is not a directory' : fileProblem(err);
    throw new InputError(`cannot create output directory ${dir}: ${why}`);
  }
}

async function write(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (err) {
    throw new InputError(`cannot write ${path}: ${fileProblem(err)}`);
  }
}

type StageName = StageResult['name'];

/**
 * Runs the network and writes, per layer, {conv,maxpool,avgpool}.npy and {stage}-{map}.png (maps from
 * 1): in DIR for one layer, in DIR/layer-N/ (N from 1) for more.
 */
export async function render(
  options: RenderOptions,
  stdin: () => AsyncIterable<Buffer | string>,
): Promise<StageResult[]> {
  const net = await loadSpec(options.specPath, stdin);
  const image = await loadImage(options.imagePath);
  const geometries = networkGeometry(net, image.height, image.width);
  const deep = net.layers.length > 1;
  geometries.forEach((g, i) => checkBudget(g, deep ? `layer ${i + 1}` : 'the layer'));
  await ensureDir(options.outDir);

  await initCpuBackend();
  const input = imageTensor(image);
  let outputs: ReturnType<typeof runNetwork> | null = null;
  let layers: { name: StageName; shape: [number, number, number]; data: Float32Array }[][];
  try {
    outputs = runNetwork(input, net, geometries);
    layers = await Promise.all(
      outputs.map((out) => {
        const named = [
          ['conv', out.featureMaps],
          ['maxpool', out.maxPool],
          ['avgpool', out.avgPool],
        ] as const;
        return Promise.all(
          named.map(async ([name, tensor]) => {
            const data = await tensor.data();
            return {
              name,
              shape: [...tensor.shape] as [number, number, number],
              data: data instanceof Float32Array ? data : Float32Array.from(data),
            };
          }),
        );
      }),
    );
  } finally {
    input.dispose();
    disposeNetworkOutputs(outputs);
  }

  const results: StageResult[] = [];
  for (const [i, stages] of layers.entries()) {
    const dir = deep ? join(options.outDir, `layer-${i + 1}`) : options.outDir;
    if (deep) await ensureDir(dir);
    const emptyPool = geometries[i]?.pool.empty?.message;
    for (const { name, shape, data } of stages) {
      const npyPath = join(dir, `${name}.npy`);
      await write(npyPath, encodeNpy(data, shape));
      const files = [npyPath];
      const [height, width, maps] = shape;
      const empty = name !== 'conv' ? emptyPool : undefined;
      if (empty) {
        results.push({ layer: i + 1, name, shape, files, empty });
        continue;
      }
      for (let m = 0; m < maps; m++) {
        const pngPath = join(dir, `${name}-${m + 1}.png`);
        await write(pngPath, encodeGrayPng(width, height, mapToGray(data, shape, m, options.scale)));
        files.push(pngPath);
      }
      results.push({ layer: i + 1, name, shape, files });
    }
  }
  return results;
}
