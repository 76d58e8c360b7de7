/**
 * The `kernelscope` command line (docs/cli.md). bin/kernelscope.js runs `main` as built to JavaScript in
 * dist-cli/ by scripts/build-cli.mjs.
 *
 * Exit 0 on success; 2 with one line on stderr for anything wrong with the input (flags, files, the spec,
 * the image); 1 for a bug, also one line unless KERNELSCOPE_DEBUG is set.
 */
import { parseArgs } from 'node:util';
// Bundled into the built CLI, so `--version` needs no file next to it at run time.
import packageJson from '../../package.json' with { type: 'json' };
// Not ../core/index.ts: that loads tfjs, which only `render` needs (`--help` and `--version` stay quick).
import { SpecError } from '../core/spec.ts';
import { DEFAULT_TRAIN_SETTINGS, OPTIMIZERS, type OptimizerName } from '../train/defaults.ts';
import { TRAIN_IMAGES } from '../train/fashionMnist.ts';
import { EXIT_BAD_INPUT, EXIT_BUG, EXIT_OK, InputError, oneLine } from './errors.ts';
import { FLAT_MAP_GRAY, PNG_SCALES, type PngScale } from './png.ts';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './limits.ts';

export const USAGE = 'kernelscope render --image IMG --spec SPEC.json --out DIR';
export const TRAIN_USAGE = 'kernelscope train --seed S --epochs E --out MODEL.json';

/** The package's version, printed by `kernelscope --version`. */
export const VERSION: string = packageJson.version;

export const HELP = `Usage: ${USAGE}
       ${TRAIN_USAGE}

Runs one convolution layer (conv, bias, activation, max and average pooling), or a network of 1 to 6
such layers, on an image with the same core as the Kernelscope page, on the tfjs cpu backend.

Options:
  --image IMG     a PNG or JPEG file (told by its bytes, not its name). Pixels are 0..255; alpha is dropped;
                  gray and palette PNGs become RGB; a JPEG's EXIF orientation is applied, as browsers do.
                  At most ${MAX_IMAGE_SIDE} pixels a side and ${MAX_IMAGE_PIXELS / 1e6} megapixels.
  --spec SPEC     the layer spec, a JSON file (docs/spec.md; every field optional, {} is the default
                  Sobel layer), or a network {"layers": [...]}, or - to read it from standard input.
  --out DIR       where to write; created if missing. Existing files of the same names are replaced.
  --scale MODE    how the PNGs show the float maps: minmax (default) stretches each map on its own so its
                  minimum is black and its maximum white (a constant map is mid-gray, ${FLAT_MAP_GRAY});
                  clip shows the values as they are, clamped to 0..255, so maps compare with one another.
  -q, --quiet     print nothing on success.
  -h, --help      show this help.
  -v, --version   print the version (${VERSION}).

Writes, in DIR:
  conv.npy, maxpool.npy, avgpool.npy   float32 little-endian, C order, shape H x W x maps (NumPy .npy 1.0).
                                       conv holds the feature maps after the activation.
  conv-M.png, maxpool-M.png, avgpool-M.png
                                       one 8-bit gray PNG per map, M counting from 1 in the contract's
                                       order (rgb-per-channel: f1.R, f1.G, f1.B, f2.R, ...).
  layer-N/...                          for a network of 2 or more layers: the same files for each
                                       layer, N counting from 1; nothing in DIR itself.

Exit status: 0 on success; 2 with one line on stderr naming the problem (a missing flag, an unreadable
file, not a PNG or JPEG, bad JSON, a refused spec field such as layers[1].filters[0].weights, an image too
small for the kernel); 1 for a bug.

kernelscope train trains the page's default small CNN (3x3x8, ReLU, max pool, 3x3x16, ReLU, max pool,
dense 10) on Fashion-MNIST images 0-8999 with the page's training code, and writes the model (docs/training.md):
  --seed S            the seed that draws the first weights and orders the images (default ${DEFAULT_TRAIN_SETTINGS.seed});
                      the same seed gives the same model on the same backend.
  --epochs E          passes over the training images (default ${DEFAULT_TRAIN_SETTINGS.epochs}).
  --out MODEL.json    where to write the model.
  --batch-size B      images per step (default ${DEFAULT_TRAIN_SETTINGS.batchSize}).
  --learning-rate LR  the first epoch's step size, lowered along half a cosine over the epochs
                      (default ${DEFAULT_TRAIN_SETTINGS.learningRate}).
  --optimizer NAME    ${OPTIMIZERS.join(', ')} (default ${DEFAULT_TRAIN_SETTINGS.optimizer}).
  --images N          train on images 0..N-1 only (default all ${TRAIN_IMAGES}); 9000-9999 are always held out.
  --backend NAME      wasm (default) or cpu (pure JavaScript, much slower).
It prints one line per epoch and, last, "held-out accuracy: 0.xxxx" (images 9000-9999, from the model as written).

Example:
  echo '{"filters": [{"weights": [[1, 0, -1], [2, 0, -2], [1, 0, -1]]}], "activation": "relu"}' \\
    | kernelscope render --image photo.jpg --spec - --out out/
  python -c "import numpy; print(numpy.load('out/conv.npy').shape)"

More: docs/cli.md (this command) and docs/spec.md (the spec format), in the Kernelscope repository.
`;

/** Where the command line reads and writes; tests may pass their own. */
export interface CliIo {
  /** Standard input, opened only when the spec is `-`. */
  stdin: () => AsyncIterable<Buffer | string>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdin: () => process.stdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const OPTIONS = {
  image: { type: 'string' },
  spec: { type: 'string' },
  out: { type: 'string' },
  scale: { type: 'string' },
  seed: { type: 'string' },
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  'learning-rate': { type: 'string' },
  optimizer: { type: 'string' },
  images: { type: 'string' },
  backend: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function parse(
  argv: readonly string[],
): ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>> {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = err instanceof Error ? err.message : String(err);
    const unknown = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'([^']*)'/.exec(message)?.[1] : undefined;
    // Node's message goes on with advice about positionals that start with "-"; the option is the problem.
    if (unknown !== undefined) throw new InputError(`unknown option ${unknown} (see kernelscope --help)`);
    throw new InputError(message);
  }
}

function required(value: string | undefined, flag: string, what: string): string {
  if (value === undefined || value === '')
    throw new InputError(`missing --${flag} ${what} (usage: ${USAGE})`);
  return value;
}

function isScale(value: string): value is PngScale {
  return (PNG_SCALES as readonly string[]).includes(value);
}

async function run(argv: readonly string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    io.stdout(HELP);
    return;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return;
  }
  const [command, ...extra] = positionals;
  if (command === undefined)
    throw new InputError(`missing command (usage: ${USAGE}; see kernelscope --help)`);
  if (command !== 'render' && command !== 'train')
    throw new InputError(`unknown command "${command}"; the commands are render and train (usage: ${USAGE})`);
  if (extra.length > 0) throw new InputError(`unexpected argument "${extra[0]}" (usage: ${USAGE})`);
  if (command === 'train') return runTrain(values, io);

  const imagePath = required(values.image, 'image', 'IMG');
  const specPath = required(values.spec, 'spec', 'SPEC.json (or - for standard input)');
  const outDir = required(values.out, 'out', 'DIR');
  const scale = values.scale ?? 'minmax';
  if (!isScale(scale)) throw new InputError(`--scale must be ${PNG_SCALES.join(' or ')}, got "${scale}"`);

  const { render } = await import('./render.ts');
  const stages = await render({ imagePath, specPath, outDir, scale }, io.stdin);
  if (!values.quiet) {
    for (const stage of stages) {
      const pngs = stage.files.length - 1;
      const more = stage.empty ? `no PNG: ${stage.empty}` : `+ ${pngs} PNG${pngs === 1 ? '' : 's'}`;
      io.stdout(`${stage.files[0]}  ${stage.shape.join(' x ')}  (${more})\n`);
    }
  }
}

/** A whole number flag in [min, max], or `fallback` when absent. */
function integer(
  value: string | undefined,
  flag: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new InputError(`--${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

async function runTrain(values: ReturnType<typeof parse>['values'], io: CliIo): Promise<void> {
  for (const flag of ['image', 'spec', 'scale'] as const) {
    if (values[flag] !== undefined)
      throw new InputError(`--${flag} is for render, not train (usage: ${TRAIN_USAGE})`);
  }
  const out = required(values.out, 'out', 'MODEL.json');
  const rate =
    values['learning-rate'] === undefined
      ? DEFAULT_TRAIN_SETTINGS.learningRate
      : Number(values['learning-rate']);
  if (!(rate > 0 && rate <= 10))
    throw new InputError(
      `--learning-rate must be a number above 0 and at most 10, got "${values['learning-rate']}"`,
    );
  const optimizer = values.optimizer ?? DEFAULT_TRAIN_SETTINGS.optimizer;
  if (!(OPTIMIZERS as readonly string[]).includes(optimizer))
    throw new InputError(`--optimizer must be ${OPTIMIZERS.join(', ')}, got "${optimizer}"`);
  const backend = values.backend ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu')
    throw new InputError(`--backend must be wasm or cpu, got "${backend}"`);
  const settings = {
    seed: integer(values.seed, 'seed', 0, 2 ** 32 - 1, DEFAULT_TRAIN_SETTINGS.seed),
    epochs: integer(values.epochs, 'epochs', 1, 1000, DEFAULT_TRAIN_SETTINGS.epochs),
    batchSize: integer(values['batch-size'], 'batch-size', 1, 9000, DEFAULT_TRAIN_SETTINGS.batchSize),
    learningRate: rate,
    optimizer: optimizer as OptimizerName,
  };
  const images = integer(values.images, 'images', 1, TRAIN_IMAGES, TRAIN_IMAGES);
  const { train } = await import('./train.ts');
  const quiet = values.quiet === true;
  await train({ settings, out, backend, images }, (line) => {
    if (!quiet || line.startsWith('held-out accuracy:')) io.stdout(`${line}\n`);
  });
}

/** Runs the command line on `argv` (without node and the script) and returns the exit status. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    await run(argv, io);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof SpecError) {
      io.stderr(
        `kernelscope: bad spec (field ${err.field}): ${oneLine(err.message.replace(`${err.field}: `, ''))}\n`,
      );
      return EXIT_BAD_INPUT;
    }
    if (err instanceof InputError) {
      io.stderr(`kernelscope: ${oneLine(err.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    if (process.env.KERNELSCOPE_DEBUG)
      io.stderr(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    else
      io.stderr(
        `kernelscope: internal error: ${oneLine(err instanceof Error ? err.message : String(err))} (set KERNELSCOPE_DEBUG=1 for details)\n`,
      );
    return EXIT_BUG;
  }
}
