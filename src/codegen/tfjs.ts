/**
 * The current layer as TensorFlow.js code: `tf.conv2d` (or `tf.depthwiseConv2d`) with the weights as a
 * `tf.tensor4d`, the bias, the activation and both poolings. The layer itself is one function, `layer(x)`,
 * that the unit tests run against the reference fixtures.
 */
import { filtersLiteral, list } from './format.ts';
import { describeSpec, mapBiases, paddingSummary, type CodePlan } from './plan.ts';

const I = '    ';

export const TFJS_IMPORT = "import * as tf from '@tensorflow/tfjs';";

/** Lines that leave `x`, the picture as a float32 tensor [1, H, W, C]. */
export function inputLines(plan: CodePlan): string[] {
  const { image, geometry } = plan;
  const { height, width } = geometry.input;
  const lines = [
    `// Input: ${image.label}, pixel values 0..255 (not 0..1, as on the page)`,
    'const img = new Image();',
    `img.src = '${image.file}';`,
    'await img.decode();',
    "let rgb = tf.cast(tf.browser.fromPixels(img), 'float32'); // [H, W, 3]",
  ];
  if (image.crop) {
    const [x, y, w, h] = image.crop;
    lines.push(`rgb = tf.slice(rgb, [${y}, ${x}, 0], [${h}, ${w}, 3]); // the page's ${h} × ${w} crop`);
  }
  if (plan.channels === 'gray') {
    lines.push(
      `// gray: luma = ${plan.luma[0]} R + ${plan.luma[1]} G + ${plan.luma[2]} B`,
      `const x = tf.expandDims(tf.sum(tf.mul(rgb, tf.tensor1d(${list([...plan.luma])})), -1, true), 0); // [1, ${height}, ${width}, 1]`,
    );
  } else {
    lines.push(`const x = tf.expandDims(rgb, 0); // [1, ${height}, ${width}, 3]`);
  }
  return lines;
}

function paddingLines(plan: CodePlan): { lines: string[]; pad: string } {
  const { pads, padMode } = plan;
  const summary = `${I}// ${paddingSummary(plan)}`;
  if (!plan.anyPadding) return { lines: [summary], pad: "'valid'" };
  if (padMode === 'zeros' && plan.namedPadding === 'same' && !plan.dense) {
    return { lines: [summary], pad: "'same'" };
  }
  const paddings = `[[0, 0], [${pads.top}, ${pads.bottom}], [${pads.left}, ${pads.right}], [0, 0]]`;
  if (padMode === 'zeros') return { lines: [summary, `${I}x = tf.pad(x, ${paddings});`], pad: "'valid'" };
  if (padMode === 'reflect') {
    return {
      lines: [
        summary,
        `${I}// reflect: mirror without repeating the edge pixel`,
        `${I}x = tf.mirrorPad(x, ${paddings}, 'reflect');`,
      ],
      pad: "'valid'",
    };
  }
  const { height, width } = plan.geometry.input;
  const clamp = (size: number, before: number, after: number) =>
    `Array.from({ length: ${size + before + after} }, (_, i) => Math.min(${size - 1}, Math.max(0, i - ${before})))`;
  return {
    lines: [
      summary,
      `${I}// replicate: tfjs has no such pad mode; repeat the edge pixel by gathering clamped indices`,
      `${I}const rows = ${clamp(height, pads.top, pads.bottom)};`,
      `${I}const cols = ${clamp(width, pads.left, pads.right)};`,
      `${I}x = tf.gather(tf.gather(x, rows, 1), cols, 2);`,
    ],
    pad: "'valid'",
  };
}

function activationLine(plan: CodePlan): string | null {
  switch (plan.spec.activation) {
    case 'none':
      return null;
    case 'relu':
      return `${I}y = tf.relu(y);`;
    case 'abs':
      return `${I}y = tf.abs(y);`;
    case 'clip':
      return `${I}y = tf.clipByValue(y, 0, 255); // clip to 0..255`;
  }
}

/**
 * `function name(x) { … }`: one layer from its input x [1, H, W, C] to its feature maps and poolings,
 * all inside tf.tidy.
 */
export function layerFunction(plan: CodePlan, name: string, doc: string): string[] {
  const { spec, geometry, kh, kw, inC, filterCount: F } = plan;
  const { conv } = geometry;
  const M = plan.maps;
  const wDepth = plan.depth || 1;
  const stride = list(plan.dense ? [1, 1] : spec.stride);
  const dilation = list(spec.dilation);
  const { lines: padLines, pad } = paddingLines(plan);
  const out: string[] = [
    `/** ${doc}, for an input of ${geometry.input.height} × ${geometry.input.width}: x [1, H, W, C] → feature maps and poolings. */`,
    `function ${name}(x) {`,
    '  return tf.tidy(() => {',
  ];
  if (plan.flip) {
    out.push(
      `${I}// flip: the page computes a true convolution, tfjs a cross-correlation; so these are the`,
      `${I}// page's filters rotated 180°.`,
    );
  }
  out.push(
    plan.depth === 0
      ? `${I}// filters[f][row][column], each shared by every input channel`
      : `${I}// filters[f][row][column][channel]`,
    `${I}const filters = [`,
    filtersLiteral(plan.filters, `${I}  `, '  ', '//'),
    `${I}];`,
  );
  const toHwio = `tf.transpose(tf.tensor4d(filters.flat(3), [${F}, ${kh}, ${kw}, ${wDepth}]), [1, 2, 3, 0])`;
  const tiled = wDepth === 1 && inC > 1 ? `tf.tile(${toHwio}, [1, 1, ${inC}, 1])` : toHwio;
  if (plan.depthwise) {
    out.push(
      `${I}// rgb-per-channel: every filter on R, G and B separately = tf.depthwiseConv2d with channel`,
      `${I}// multiplier F; its kernel is [kh, kw, 3, F] = [${kh}, ${kw}, 3, ${F}]`,
      `${I}const kernel = ${tiled};`,
    );
  } else {
    out.push(
      `${I}// tf.conv2d wants [kh, kw, C_in, F] = [${kh}, ${kw}, ${inC}, ${F}]`,
      `${I}const kernel = ${tiled};`,
    );
  }
  out.push(...padLines);
  if (plan.dense) {
    out.push(
      `${I}// tfjs refuses stride > 1 together with dilation > 1: convolve at stride 1, then keep one row`,
      `${I}// in ${spec.stride[0]} and one column in ${spec.stride[1]} (the same numbers)`,
    );
  }
  const op = plan.depthwise ? 'tf.depthwiseConv2d' : 'tf.conv2d';
  out.push(`${I}let y = ${op}(x, kernel, ${stride}, ${pad}, 'NHWC', ${dilation});`);
  if (plan.dense) {
    out.push(
      `${I}y = tf.stridedSlice(y, [0, 0, 0, 0], [1, ${conv.height * spec.stride[0]}, ${conv.width * spec.stride[1]}, ${M}], [1, ${spec.stride[0]}, ${spec.stride[1]}, 1]);`,
    );
  }
  if (plan.order) {
    out.push(
      `${I}// tfjs orders the maps R.f1, R.f2, …, G.f1, …; the page shows f1.R, f1.G, f1.B, f2.R, …`,
      `${I}y = tf.gather(y, ${list(plan.order)}, 3);`,
    );
  }
  out.push(`${I}y = tf.add(y, tf.tensor1d(${list(mapBiases(plan))})); // bias, one per map`);
  const act = activationLine(plan);
  if (act) out.push(act);
  const poolArgs = `${list(spec.pool.size)}, ${list(spec.pool.stride)}, '${spec.pool.padding}'`;
  if (plan.poolEmpty) {
    out.push(
      `${I}// ${plan.poolEmpty}`,
      `${I}const maxPool = tf.zeros([1, 0, 0, ${M}]);`,
      `${I}const avgPool = tf.zeros([1, 0, 0, ${M}]);`,
    );
  } else {
    if (plan.poolAnyPadding) {
      out.push(`${I}// SAME pooling: padded cells are ignored (never the max, not counted in the average)`);
    }
    out.push(
      `${I}const maxPool = tf.maxPool(y, ${poolArgs});`,
      `${I}const avgPool = tf.avgPool(y, ${poolArgs});`,
    );
  }
  out.push(`${I}return { conv: y, maxPool, avgPool };`, '  });', '}');
  return out;
}

/** The two lines that print the shapes of the last results, `conv`, `maxPool` and `avgPool`. */
export function shapeLogLines(plan: CodePlan): string[] {
  const { conv, pool } = plan.geometry;
  return [
    `console.log(conv.shape); // [1, ${conv.height}, ${conv.width}, ${plan.maps}]`,
    `console.log(maxPool.shape, avgPool.shape); // [1, ${pool.height}, ${pool.width}, ${plan.maps}]`,
  ];
}

export function tfjsCode(plan: CodePlan): string {
  return [
    `// Kernelscope layer: ${describeSpec(plan)}`,
    TFJS_IMPORT,
    '',
    ...inputLines(plan),
    '',
    ...layerFunction(plan, 'layer', 'The layer on the page'),
    '',
    'const { conv, maxPool, avgPool } = layer(x);',
    ...shapeLogLines(plan),
    '',
  ].join('\n');
}
