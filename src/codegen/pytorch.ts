/**
 * The current layer as PyTorch code: `nn.Conv2d` (groups=3 for rgb-per-channel) with the page's weights,
 * the activation, `nn.MaxPool2d` and `nn.AvgPool2d`, on NCHW tensors. Uneven padding (SAME with a stride,
 * explicit pads) is done with `F.pad`, since Conv2d pads both sides alike; SAME pooling likewise.
 */
import { list, tuple } from './format.ts';
import { describeSpec, paddingSummary, type CodePlan } from './plan.ts';
import { PY, pythonFilters, pythonFull, pythonInput } from './python.ts';

export const MODE = { zeros: 'constant', reflect: 'reflect', replicate: 'replicate' } as const;

function paddingLines(plan: CodePlan): { lines: string[]; padding: string; mode: string } {
  const { pads } = plan;
  const lines = [`# ${paddingSummary(plan)}`];
  if (!plan.anyPadding) return { lines, padding: '0', mode: 'zeros' };
  if (plan.symmetric) return { lines, padding: tuple([pads.top, pads.left]), mode: plan.padMode };
  lines.push(
    "# Conv2d pads both sides by the same amount (and its padding='same' needs stride 1): pad unevenly first",
    `x = F.pad(x, (${pads.left}, ${pads.right}, ${pads.top}, ${pads.bottom}), mode='${MODE[plan.padMode]}')  # (left, right, top, bottom)`,
  );
  return { lines, padding: '0', mode: 'zeros' };
}

function activationLine(plan: CodePlan): string | null {
  switch (plan.spec.activation) {
    case 'none':
      return null;
    case 'relu':
      return `${PY}y = F.relu(y)`;
    case 'abs':
      return `${PY}y = torch.abs(y)`;
    case 'clip':
      return `${PY}y = torch.clamp(y, 0, 255)  # clip to 0..255`;
  }
}

/** `max_pool` and `avg_pool` of the feature maps `y`, indented for a `with torch.no_grad():` block. */
export function poolLines(plan: CodePlan): string[] {
  const { spec, poolPads: p } = plan;
  const args = `kernel_size=${tuple(spec.pool.size)}, stride=${tuple(spec.pool.stride)}`;
  if (plan.poolEmpty) {
    return [`${PY}# ${plan.poolEmpty}`, `${PY}max_pool = avg_pool = y[:, :, :0, :0]`];
  }
  if (!plan.poolAnyPadding) {
    return [`${PY}max_pool = nn.MaxPool2d(${args})(y)`, `${PY}avg_pool = nn.AvgPool2d(${args})(y)`];
  }
  const pads = `(${p.left}, ${p.right}, ${p.top}, ${p.bottom})`;
  return [
    `${PY}# SAME pooling pads ${p.top} top, ${p.bottom} bottom, ${p.left} left, ${p.right} right, and ignores the padded cells:`,
    `${PY}# max over -inf padding; average = window sum / number of real cells in the window`,
    `${PY}max_pool = nn.MaxPool2d(${args})(F.pad(y, ${pads}, value=float('-inf')))`,
    `${PY}window_sum = nn.AvgPool2d(${args}, divisor_override=1)`,
    `${PY}avg_pool = window_sum(F.pad(y, ${pads})) / window_sum(F.pad(torch.ones_like(y), ${pads}))`,
  ];
}

/** `weight` in Conv2d's layout (and `bias` tiled for a depthwise layer); `suffix` numbers a network's layer. */
export function weightLines(plan: CodePlan, suffix = ''): string[] {
  const { kh, kw, inC, filterCount: Fc, maps: M } = plan;
  if (plan.depthwise) {
    return [
      `# rgb-per-channel: every filter on R, G and B separately = groups=3, ${Fc} output channels per group;`,
      `# weight (3·F, 1, kh, kw) = (${M}, 1, ${kh}, ${kw}), ordered R.f1, R.f2, …, G.f1, …`,
      `weight${suffix} = ${pythonFull(plan, suffix)}.transpose(3, 0, 1, 2).reshape(${M}, 1, ${kh}, ${kw})`,
      `bias${suffix} = np.tile(bias${suffix}, 3)`,
    ];
  }
  return [
    `weight${suffix} = ${pythonFull(plan, suffix)}.transpose(0, 3, 1, 2)  # Conv2d: (F, C_in, kh, kw) = (${Fc}, ${inC}, ${kh}, ${kw})`,
  ];
}

/** The imports, then the picture as `x`, a float32 NCHW tensor. */
export function pytorchHead(plan: CodePlan): string[] {
  const { height, width } = plan.geometry.input;
  return [
    'import numpy as np',
    'import torch',
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    'from PIL import Image',
    '',
    ...pythonInput(plan),
    `x = torch.from_numpy(x).permute(0, 3, 1, 2)  # NCHW (1, ${plan.inC}, ${height}, ${width})`,
  ];
}

export function pytorchCode(plan: CodePlan): string {
  const { spec, geometry, kh, kw, inC } = plan;
  const { conv, pool } = geometry;
  const M = plan.maps;
  const { lines: padLines, padding, mode } = paddingLines(plan);
  const out: string[] = [
    `# Kernelscope layer: ${describeSpec(plan)}`,
    ...pytorchHead(plan),
    '',
    ...pythonFilters(plan),
  ];
  out.push(...weightLines(plan), '', ...padLines);
  const groups = plan.depthwise ? ', groups=3' : '';
  out.push(
    `conv = nn.Conv2d(in_channels=${inC}, out_channels=${M}, kernel_size=${tuple([kh, kw])}, stride=${tuple(spec.stride)}, padding=${padding}, dilation=${tuple(spec.dilation)}${groups}, padding_mode='${mode}')`,
    'with torch.no_grad():',
    `${PY}conv.weight.copy_(torch.from_numpy(weight))`,
    `${PY}conv.bias.copy_(torch.from_numpy(bias))`,
    `${PY}y = conv(x)`,
  );
  if (plan.order) {
    out.push(
      `${PY}# groups=3 orders the maps R.f1, R.f2, …, G.f1, …; the page shows f1.R, f1.G, f1.B, f2.R, …`,
      `${PY}y = y[:, ${list(plan.order)}]`,
    );
  }
  const act = activationLine(plan);
  if (act) out.push(act);
  out.push(
    ...poolLines(plan),
    `print(y.shape)  # torch.Size([1, ${M}, ${conv.height}, ${conv.width}])`,
    `print(max_pool.shape, avg_pool.shape)  # torch.Size([1, ${M}, ${pool.height}, ${pool.width}])`,
    '',
  );
  return out.join('\n');
}
