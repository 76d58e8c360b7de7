/**
 * A network of two or more layers as Keras 3 code: one `keras.Sequential` holding every layer's padding,
 * `Conv2D` (or `DepthwiseConv2D`, named `conv{n}` to receive its weights), what Keras cannot say directly
 * as small `Lambda` layers (reflect/replicate padding as gathered rows and columns, the subsampling
 * after a dilated convolution, the depthwise map order, |x|), the clip and the pooling that feeds on.
 * The last layer's feature maps come out of the model; both its poolings follow, as in the one-layer code.
 */
import { tuple } from './format.ts';
import { kerasHead, poolArgs, poolLines, printLines } from './keras.ts';
import { describeNetwork, feedsNote, type NetworkLayerPlan } from './networkPlan.ts';
import { paddingSummary } from './plan.ts';
import { PY, pythonFilters, pythonFull } from './python.ts';

const NP_MODE = { reflect: 'reflect', replicate: 'edge' } as const;

/** The weights in Keras's layout, and the row and column indices a reflect/replicate padding gathers. */
function weightLines(layer: NetworkLayerPlan): string[] {
  const { n, plan } = layer;
  const { kh, kw, inC, filterCount: F, pads } = plan;
  const lines = [
    plan.depthwise
      ? `kernel${n} = ${pythonFull(plan, String(n))}.transpose(1, 2, 3, 0)  # DepthwiseConv2D: (kh, kw, 3, F) = (${kh}, ${kw}, 3, ${F})`
      : `kernel${n} = ${pythonFull(plan, String(n))}.transpose(1, 2, 3, 0)  # Conv2D: (kh, kw, C_in, F) = (${kh}, ${kw}, ${inC}, ${F})`,
  ];
  if (plan.anyPadding && plan.padMode !== 'zeros') {
    const { height, width } = plan.geometry.input;
    const mode = NP_MODE[plan.padMode];
    lines.push(
      `# ${plan.padMode}: Keras has no such padding layer; the model gathers these rows and columns`,
      `rows${n} = np.pad(np.arange(${height}), (${pads.top}, ${pads.bottom}), mode='${mode}')`,
      `cols${n} = np.pad(np.arange(${width}), (${pads.left}, ${pads.right}), mode='${mode}')`,
    );
  }
  return lines;
}

/** The Keras layers of one network layer, as list items with comments. */
function layerItems(layer: NetworkLayerPlan): string[] {
  const { n, plan } = layer;
  const { spec, pads, kh, kw, filterCount: F } = plan;
  const lines = [`${PY}# layer ${n}: ${paddingSummary(plan)}`];
  let padding = "'valid'";
  if (plan.anyPadding && plan.padMode === 'zeros' && plan.namedPadding === 'same' && !plan.dense) {
    padding = "'same'";
  } else if (plan.anyPadding && plan.padMode === 'zeros') {
    lines.push(
      `${PY}layers.ZeroPadding2D(padding=((${pads.top}, ${pads.bottom}), (${pads.left}, ${pads.right}))),`,
    );
  } else if (plan.anyPadding) {
    lines.push(
      `${PY}layers.Lambda(lambda t: keras.ops.take(keras.ops.take(t, rows${n}, axis=1), cols${n}, axis=2)),`,
    );
  }
  const activation = spec.activation === 'relu' ? "'relu'" : 'None';
  const common = `kernel_size=${tuple([kh, kw])}, strides=${tuple(plan.dense ? [1, 1] : spec.stride)}, padding=${padding}`;
  const rest = `dilation_rate=${tuple(spec.dilation)}, activation=${activation}, name='conv${n}'`;
  lines.push(
    plan.depthwise
      ? `${PY}layers.DepthwiseConv2D(${common}, depth_multiplier=${F}, ${rest}),`
      : `${PY}layers.Conv2D(filters=${F}, ${common}, ${rest}),`,
  );
  if (plan.dense) {
    lines.push(
      `${PY}# Keras refuses strides > 1 together with dilation_rate > 1: keep every stride-th row and column`,
      `${PY}layers.Lambda(lambda t: t[:, ::${spec.stride[0]}, ::${spec.stride[1]}]),`,
    );
  }
  if (plan.order) {
    lines.push(
      `${PY}# DepthwiseConv2D orders the maps R.f1, R.f2, …, G.f1, …; the page shows f1.R, f1.G, f1.B, f2.R, …`,
      `${PY}layers.Lambda(lambda t: keras.ops.take(t, [${plan.order.join(', ')}], axis=3)),`,
    );
  }
  if (spec.activation === 'abs') lines.push(`${PY}layers.Lambda(keras.ops.abs),  # activation abs`);
  if (spec.activation === 'clip') lines.push(`${PY}layers.ReLU(max_value=255.0),  # clip to 0..255`);
  if (layer.feeds) lines.push(`${PY}# ${feedsNote(layer)}`);
  if (layer.feeds === 'maxpool') lines.push(`${PY}layers.MaxPooling2D(${poolArgs(plan)}),`);
  if (layer.feeds === 'avgpool') lines.push(`${PY}layers.AveragePooling2D(${poolArgs(plan)}),`);
  return lines;
}

export function kerasNetworkCode(layers: readonly NetworkLayerPlan[]): string {
  const first = layers[0] as NetworkLayerPlan;
  const last = layers[layers.length - 1] as NetworkLayerPlan;
  const { input } = first.plan.geometry;
  const out: string[] = [...describeNetwork(layers).map((line) => `# ${line}`), ...kerasHead(first.plan)];
  for (const layer of layers) {
    out.push('', `# Layer ${layer.n}`, ...pythonFilters(layer.plan, String(layer.n)), ...weightLines(layer));
  }
  out.push(
    '',
    'model = keras.Sequential([',
    `${PY}keras.Input(shape=(${input.height}, ${input.width}, ${first.plan.inC})),`,
  );
  for (const layer of layers) out.push(...layerItems(layer));
  out.push('])');
  for (const { n, plan } of layers) {
    const bias = plan.depthwise ? `np.tile(bias${n}, 3)` : `bias${n}`;
    out.push(`model.get_layer('conv${n}').set_weights([kernel${n}, ${bias}])`);
  }
  out.push(
    `y = np.asarray(model(x))  # layer ${last.n}'s feature maps`,
    ...poolLines(last.plan),
    ...printLines(last.plan),
    '',
  );
  return out.join('\n');
}
