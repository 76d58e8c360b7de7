/**
 * The current layer as Keras 3 code: `Conv2D` (or `DepthwiseConv2D` for rgb-per-channel) given the page's
 * weights with `set_weights`, then `MaxPooling2D` and `AveragePooling2D`. What Keras cannot say directly
 * (reflect/replicate padding, explicit pads, stride together with dilation, the flip) is done around the
 * layer and said in a comment.
 */
import { tuple } from './format.ts';
import { describeSpec, paddingSummary, type CodePlan } from './plan.ts';
import { pythonFilters, pythonFull, pythonInput } from './python.ts';

function paddingLines(plan: CodePlan): { lines: string[]; padding: string } {
  const { pads } = plan;
  const lines = [`# ${paddingSummary(plan)}`];
  if (!plan.anyPadding) return { lines, padding: "'valid'" };
  if (plan.padMode === 'zeros' && plan.namedPadding === 'same' && !plan.dense) {
    return { lines, padding: "'same'" };
  }
  const np4 = `((0, 0), (${pads.top}, ${pads.bottom}), (${pads.left}, ${pads.right}), (0, 0))`;
  if (plan.padMode === 'zeros') {
    lines.push(
      `x = layers.ZeroPadding2D(padding=((${pads.top}, ${pads.bottom}), (${pads.left}, ${pads.right})))(x)`,
    );
  } else if (plan.padMode === 'reflect') {
    lines.push(
      "# reflect: Keras has no such padding layer; NumPy's 'reflect' (= tf.pad mode='REFLECT') mirrors",
      '# without repeating the edge pixel',
      `x = np.pad(x, ${np4}, mode='reflect')`,
    );
  } else {
    lines.push(
      "# replicate: neither Keras nor tf.pad has it; NumPy's 'edge' repeats the edge pixel",
      `x = np.pad(x, ${np4}, mode='edge')`,
    );
  }
  return { lines, padding: "'valid'" };
}

/** Keras's arguments of the layer's pooling window. */
export function poolArgs(plan: CodePlan): string {
  const { pool } = plan.spec;
  return `pool_size=${tuple(pool.size)}, strides=${tuple(pool.stride)}, padding='${pool.padding}'`;
}

/** `max_pool` and `avg_pool` of the feature maps `y`. */
export function poolLines(plan: CodePlan): string[] {
  if (plan.poolEmpty) return [`# ${plan.poolEmpty}`, 'max_pool = avg_pool = y[:, :0, :0]'];
  return [
    ...(plan.poolAnyPadding
      ? ['# SAME pooling: padded cells are ignored (never the max, not counted in the average)']
      : []),
    `max_pool = layers.MaxPooling2D(${poolArgs(plan)})(y)`,
    `avg_pool = layers.AveragePooling2D(${poolArgs(plan)})(y)`,
  ];
}

/** The shapes of `y` and of the poolings, printed. */
export function printLines(plan: CodePlan): string[] {
  const { conv, pool } = plan.geometry;
  return [
    `print(y.shape)  # (1, ${conv.height}, ${conv.width}, ${plan.maps})`,
    `print(max_pool.shape, avg_pool.shape)  # (1, ${pool.height}, ${pool.width}, ${plan.maps})`,
  ];
}

/** The imports, then the picture as `x`, a float32 NHWC array. */
export function kerasHead(plan: CodePlan): string[] {
  return [
    'import numpy as np',
    'import keras',
    'from keras import layers',
    'from PIL import Image',
    '',
    ...pythonInput(plan),
  ];
}

export function kerasCode(plan: CodePlan): string {
  const { spec, kh, kw, inC, filterCount: F } = plan;
  const { lines: padLines, padding } = paddingLines(plan);
  const activation = spec.activation === 'relu' ? "'relu'" : 'None';
  const strides = tuple(plan.dense ? [1, 1] : spec.stride);
  const out: string[] = [
    `# Kernelscope layer: ${describeSpec(plan)}`,
    ...kerasHead(plan),
    '',
    ...pythonFilters(plan),
  ];
  if (plan.depthwise) {
    out.push(
      `kernel = ${pythonFull(plan)}.transpose(1, 2, 3, 0)  # DepthwiseConv2D: (kh, kw, 3, F) = (${kh}, ${kw}, 3, ${F})`,
      '',
      ...padLines,
      '# rgb-per-channel: every filter on R, G and B separately = a depthwise layer, F maps per channel',
      `conv = layers.DepthwiseConv2D(kernel_size=${tuple([kh, kw])}, strides=${strides}, padding=${padding}, depth_multiplier=${F}, dilation_rate=${tuple(spec.dilation)}, activation=${activation})`,
      'conv.build(x.shape)',
      'conv.set_weights([kernel, np.tile(bias, 3)])  # biases ordered R.f1, R.f2, …, G.f1, …',
    );
  } else {
    out.push(
      `kernel = ${pythonFull(plan)}.transpose(1, 2, 3, 0)  # Conv2D: (kh, kw, C_in, F) = (${kh}, ${kw}, ${inC}, ${F})`,
      '',
      ...padLines,
      `conv = layers.Conv2D(filters=${F}, kernel_size=${tuple([kh, kw])}, strides=${strides}, padding=${padding}, dilation_rate=${tuple(spec.dilation)}, activation=${activation})`,
      'conv.build(x.shape)',
      'conv.set_weights([kernel, bias])',
    );
  }
  out.push('y = np.asarray(conv(x))');
  if (plan.dense) {
    out.push(
      '# Keras refuses strides > 1 together with dilation_rate > 1: convolve at stride 1, then keep one row',
      `# in ${spec.stride[0]} and one column in ${spec.stride[1]} (the same numbers)`,
      `y = y[:, ::${spec.stride[0]}, ::${spec.stride[1]}]`,
    );
  }
  if (plan.order) {
    out.push(
      '# Keras orders the maps R.f1, R.f2, …, G.f1, …; the page shows f1.R, f1.G, f1.B, f2.R, …',
      `y = y[..., [${plan.order.join(', ')}]]`,
    );
  }
  if (spec.activation === 'abs') out.push('y = np.abs(y)  # activation abs');
  if (spec.activation === 'clip')
    out.push('y = np.asarray(layers.ReLU(max_value=255.0)(y))  # clip to 0..255');
  out.push(...poolLines(plan));
  out.push(...printLines(plan), '');
  return out.join('\n');
}
