/** The bench's command line: which cases, which columns, how long to measure each cell. */
import { NETWORK_CASE } from './networkCase.ts';
import type { BenchCase, MeasureOptions } from './types.ts';

export interface Column {
  id: string;
  /** Header of the table column. */
  title: string;
  /** Query of bench.html for this column. */
  query: string;
  /** What one timed edit covers, for the legend under the table. */
  what: string;
}

export const COLUMNS: readonly Column[] = [
  {
    id: 'ks',
    title: 'Kernelscope',
    query: 'mode=page',
    what:
      "Kernelscope as the page runs it: startBackend as src/main.tsx calls it (the page's own backend " +
      'choice), the engine, the real <App/>; edit -> every canvas redrawn (one pixel read back from each), React re-render included',
  },
  {
    id: 'ks-webgl',
    title: 'Kernelscope webgl',
    query: 'mode=page&backend=webgl',
    what: 'the same page forced to webgl (?backend=webgl), run only when the page itself picks another backend',
  },
  {
    id: 'js',
    title: 'plain JS',
    query: 'mode=js',
    what:
      "the same page and store edit; a microtask later (as the engine starts) the course notes' nested loops (tests/reference/convLoop.ts) " +
      'compute the layer and every map is coloured and putImageData-ed into the App canvases (a network: ' +
      'referenceNetwork, every layer, and the map canvases in view, as the page draws only those)',
  },
  {
    id: 'cpu',
    title: 'tfjs cpu',
    query: 'mode=layer&backend=cpu',
    what:
      "src/core's runLayer (a network: runNetwork, every layer) alone on tfjs cpu (no page, no drawing), " +
      'until one number of every output is read',
  },
  {
    id: 'wasm',
    title: 'tfjs wasm',
    query: 'mode=layer&backend=wasm',
    what: 'the same on tfjs wasm (SIMD build, .wasm via Vite ?url as src/engine/backend.ts loads it)',
  },
  {
    id: 'webgl',
    title: 'tfjs webgl',
    query: 'mode=layer&backend=webgl',
    what: 'the same on tfjs webgl (WEBGL_CONV_IM2COL=false as the page sets it), no drawing',
  },
  {
    id: 'opencv',
    title: 'OpenCV.js',
    query: 'mode=opencv',
    what:
      'OpenCV.js 4.12 (@techstark/opencv-js, wasm inlined): cvtColor/split, filter2D CV_32F BORDER_CONSTANT per ' +
      'filter (and channel, summed), max pool = dilate 2x2 + nearest resize, avg pool = INTER_AREA resize; no drawing',
  },
];

export interface Options {
  quick: boolean;
  cases: BenchCase[];
  columns: Column[];
  measure: MeasureOptions;
  leakEdits: number;
  leakSize: number;
  /** The leak check's case: 1 gray 3×3 filter, or with --network the network case, at `leakSize`. */
  leakCase: BenchCase;
  coldStart: boolean;
  /** Columns' pages open together, each case measured in alternating batches (see run.ts). */
  interleave: boolean;
  coldLoads: number;
  jsonFile: string | undefined;
  /** Where to write a CPU profile of the Kernelscope column's cases (sequential runs only). */
  profileFile: string | undefined;
}

/**
 * The --quick rows: the goal case (1024² RGB 4 filters), 7×7 next to 3×3. No 2048² row: the page
 * columns take 10-20 s per edit there on SwiftShader, which alone would break the ~6-minute budget.
 */
const QUICK_CASES: BenchCase[] = [
  { size: 512, channels: 'gray', filters: 1, kernel: 3 },
  { size: 512, channels: 'gray', filters: 1, kernel: 7 },
  { size: 1024, channels: 'gray', filters: 1, kernel: 3 },
  { size: 1024, channels: 'rgb', filters: 4, kernel: 3 },
  { size: 1024, channels: 'rgb', filters: 4, kernel: 7 },
];

export const USAGE = `npm run bench -- [options]
  --quick               ${QUICK_CASES.length} rows (512² and 1024², with the 1024² RGB 4-filter goal case), short budgets
  --network             the network of issue 13 (${NETWORK_CASE.size}² RGB, layers of ${NETWORK_CASE.layers?.join(', ')} 3×3 filters, ReLU,
                        2×2 max pool), an edit in layer 1, columns ks,ks-webgl,js,cpu,wasm,webgl interleaved;
                        its leak check spreads the edits over the layers (at --leak-size, RGB)
  --sizes 512,1024      image sides (default 512,1024,2048; 4096 works but takes minutes per column)
  --channels gray,rgb   --filters 1,4   --kernels 3,7   (any of these four: their cross product)
  --columns ks,js,cpu,wasm,webgl,opencv   (default all; ks-webgl is added when the page picks another backend,
                        except with --interleave, where it runs only when named)
  --edits N             timed edits per cell at most (default 30)
  --min-edits N         timed edits per cell at least (default 5, --quick 3)
  --budget S            seconds of timed edits per cell before stopping at --min-edits (default 10, --quick 3)
  --warmup N            warm-up edits per cell (default 3, --quick 1)
  --skip-seconds S      a first edit slower than this is reported alone (default 20)
  --leak-edits N        edits of the leak check (default 1000, --quick 200; 0 skips it)
  --leak-size PX        the leak check's gray 1-filter image side (default 128)
  --interleave          open every column's page at once and measure each case in alternating batches of
                        3 edits per column (the same minutes of a shared machine for every column)
  --no-cold-start       skip the build + cold start + bundle size part
  --cold-loads N        page loads of the cold-start check (default 3)
  --json FILE           also write every sample and setting as JSON
  --profile FILE        CPU-profile the Kernelscope column's cases (not with --interleave): write the
                        .cpuprofile (Chrome DevTools' Performance panel opens it) and print the top functions`;

function list(value: string | undefined, parse: (s: string) => number | string): (number | string)[] | null {
  return value === undefined ? null : value.split(',').map((s) => parse(s.trim()));
}

export function parseOptions(argv: readonly string[]): Options {
  const option = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (name: string, fallback: number): number => {
    const raw = option(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} wants a number, not ${raw}`);
    return value;
  };
  const quick = argv.includes('--quick');
  const network = argv.includes('--network');

  const sizes = list(option('--sizes'), Number) as number[] | null;
  const channels = list(option('--channels'), String) as BenchCase['channels'][] | null;
  const filters = list(option('--filters'), Number) as number[] | null;
  const kernels = list(option('--kernels'), Number) as number[] | null;
  let cases: BenchCase[];
  if (network) cases = (sizes ?? [NETWORK_CASE.size]).map((size) => ({ ...NETWORK_CASE, size }));
  else if (quick && !sizes && !channels && !filters && !kernels) cases = QUICK_CASES;
  else {
    cases = [];
    for (const size of sizes ?? [512, 1024, 2048])
      for (const ch of channels ?? ['gray', 'rgb'])
        for (const f of filters ?? [1, 4])
          for (const kernel of kernels ?? [3, 7]) cases.push({ size, channels: ch, filters: f, kernel });
  }
  for (const c of cases) {
    if (!Number.isInteger(c.size) || c.size < 16 || c.size % 2) throw new Error(`bad size ${c.size}`);
    if (c.channels !== 'gray' && c.channels !== 'rgb') throw new Error(`bad channels ${String(c.channels)}`);
    if (!Number.isInteger(c.kernel) || c.kernel < 3 || c.kernel % 2 === 0)
      throw new Error(`bad kernel ${c.kernel}`);
  }

  const wanted = list(option('--columns'), String) as string[] | null;
  for (const id of wanted ?? [])
    if (!COLUMNS.some((c) => c.id === id)) throw new Error(`unknown column ${id}\n${USAGE}`);
  // The network bench times the page on webgl too (its readbacks), and has no OpenCV counterpart.
  const byDefault = (c: Column) => (network ? c.id !== 'opencv' : c.id !== 'ks-webgl');
  const columns = COLUMNS.filter((c) => (wanted ? wanted.includes(c.id) : byDefault(c)));
  const leakSize = number('--leak-size', 128);

  return {
    quick,
    cases,
    columns,
    measure: {
      edits: Math.max(1, number('--edits', 30)),
      minEdits: Math.max(1, number('--min-edits', quick ? 3 : 5)),
      budgetMs: 1000 * number('--budget', quick ? 3 : 10),
      warmup: number('--warmup', quick ? 1 : 3),
      skipMs: 1000 * number('--skip-seconds', 20),
    },
    leakEdits: number('--leak-edits', quick ? 200 : 1000),
    leakSize,
    leakCase: network
      ? { ...NETWORK_CASE, size: leakSize }
      : { size: leakSize, channels: 'gray', filters: 1, kernel: 3 },
    coldStart: !network && !argv.includes('--no-cold-start'),
    interleave: network || argv.includes('--interleave'),
    coldLoads: Math.max(1, number('--cold-loads', 3)),
    jsonFile: option('--json'),
    profileFile: option('--profile'),
  };
}
