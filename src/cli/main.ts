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
import { EXIT_BAD_INPUT, EXIT_BUG, EXIT_OK, InputError, oneLine } from './errors.ts';
import { FLAT_MAP_GRAY, PNG_SCALES, type PngScale } from './png.ts';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './limits.ts';

export const USAGE = 'kernelscope render --image IMG --spec SPEC.json --out DIR';

/** The package's version, printed by `kernelscope --version`. */
export const VERSION: string = packageJson.version;

export const HELP = `Usage: ${USAGE}

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
  if (command !== 'render')
    throw new InputError(`unknown command "${command}"; the only command is render (usage: ${USAGE})`);
  if (extra.length > 0) throw new InputError(`unexpected argument "${extra[0]}" (usage: ${USAGE})`);

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
