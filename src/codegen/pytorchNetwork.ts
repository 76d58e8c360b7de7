/**
 * A network of two or more layers as PyTorch code: one `nn.Sequential` whose named parts are, per layer
 * n, the padding Conv2d cannot do itself (`pad{n}`, uneven or reflect/replicate with F.pad's modes),
 * `conv{n}`, the depthwise map order (`order{n}`), the activation and the pooling that feeds the next
 * layer (`pool{n}`, after `poolpad{n}` for SAME max pooling). The last layer's feature maps come out of
 * the model; both its poolings are computed after it, as in the one-layer code.
 */
import { tuple } from './format.ts';
import { describeNetwork, feedsNote, type NetworkLayerPlan } from './networkPlan.ts';
import { paddingSummary, type CodePlan } from './plan.ts';
import { PY, pythonFilters } from './python.ts';
import { poolLines, pytorchHead, weightLines } from './pytorch.ts';

const PAD_MODULES = {
  zeros: 'nn.ZeroPad2d',
  reflect: 'nn.ReflectionPad2d',
  replicate: 'nn.ReplicationPad2d',
};
const ITEM = `${PY}${PY}`;

/** The torch modules a layer adds to the model, as `('name', module),` lines with comments. */
function layerModules(layer: NetworkLayerPlan): string[] {
  const { n, plan } = layer;
  const { spec, pads, kh, kw, inC, maps } = plan;
  const lines = [`${ITEM}# layer ${n}: ${paddingSummary(plan)}`];
  let padding = '0';
  if (plan.anyPadding && plan.symmetric && plan.padMode === 'zeros') {
    padding = tuple([pads.top, pads.left]);
  } else if (plan.anyPadding) {
    lines.push(
      `${ITEM}('pad${n}', ${PAD_MODULES[plan.padMode]}((${pads.left}, ${pads.right}, ${pads.top}, ${pads.bottom}))),  # (left, right, top, bottom)`,
    );
  }
  const groups = plan.depthwise ? ', groups=3' : '';
  lines.push(
    `${ITEM}('conv${n}', nn.Conv2d(${inC}, ${maps}, kernel_size=${tuple([kh, kw])}, stride=${tuple(spec.stride)}, padding=${padding}, dilation=${tuple(spec.dilation)}${groups})),`,
  );
  if (plan.depthwise) {
    lines.push(
      `${ITEM}# groups=3 orders the maps R.f1, R.f2, …, G.f1, …; the page shows f1.R, f1.G, f1.B, f2.R, …`,
      `${ITEM}('order${n}', nn.ChannelShuffle(3)),`,
    );
  }
  const activation = { none: null, relu: 'nn.ReLU()', abs: 'Abs()', clip: 'nn.Hardtanh(0, 255)' }[
    spec.activation
  ];
  if (activation) lines.push(`${ITEM}('${spec.activation}${n}', ${activation}),`);
  return [...lines, ...feedModules(layer)];
}

/** The pooling that feeds the next layer (none when the feature maps do, or on the last layer). */
function feedModules(layer: NetworkLayerPlan): string[] {
  const { n, plan } = layer;
  if (layer.feeds === null || layer.feeds === 'conv') {
    return layer.feeds ? [`${ITEM}# ${feedsNote(layer)}`] : [];
  }
  const { pool } = plan.spec;
  const args = `kernel_size=${tuple(pool.size)}, stride=${tuple(pool.stride)}`;
  const p = plan.poolPads;
  const pads = `(${p.left}, ${p.right}, ${p.top}, ${p.bottom})`;
  const lines = [`${ITEM}# ${feedsNote(layer)}`];
  if (layer.feeds === 'maxpool') {
    if (plan.poolAnyPadding) {
      lines.push(
        `${ITEM}# SAME pooling: -inf padding is never the max`,
        `${ITEM}('poolpad${n}', nn.ConstantPad2d(${pads}, float('-inf'))),`,
      );
    }
    lines.push(`${ITEM}('pool${n}', nn.MaxPool2d(${args})),`);
  } else if (plan.poolAnyPadding) {
    lines.push(`${ITEM}('pool${n}', AvgPoolSame(${args}, pads=${pads})),`);
  } else {
    lines.push(`${ITEM}('pool${n}', nn.AvgPool2d(${args})),`);
  }
  return lines;
}

/** Small modules PyTorch lacks, written out only when a layer uses them. */
function helperClasses(layers: readonly NetworkLayerPlan[]): string[] {
  const lines: string[] = [];
  if (layers.some((l) => l.plan.spec.activation === 'abs')) {
    lines.push(
      'class Abs(nn.Module):',
      `${PY}"""The activation |x|: PyTorch has no module for it."""`,
      '',
      `${PY}def forward(self, x):`,
      `${PY}${PY}return torch.abs(x)`,
      '',
      '',
    );
  }
  if (layers.some((l) => l.feeds === 'avgpool' && l.plan.poolAnyPadding)) {
    lines.push(
      'class AvgPoolSame(nn.Module):',
      `${PY}"""SAME average pooling: the window's sum over its real cells only (padded cells are not counted)."""`,
      '',
      `${PY}def __init__(self, kernel_size, stride, pads):`,
      `${PY}${PY}super().__init__()`,
      `${PY}${PY}self.pads = pads  # (left, right, top, bottom)`,
      `${PY}${PY}self.window_sum = nn.AvgPool2d(kernel_size, stride, divisor_override=1)`,
      '',
      `${PY}def forward(self, y):`,
      `${PY}${PY}cells = self.window_sum(F.pad(torch.ones_like(y), self.pads))`,
      `${PY}${PY}return self.window_sum(F.pad(y, self.pads)) / cells`,
      '',
      '',
    );
  }
  return lines;
}

export function pytorchNetworkCode(layers: readonly NetworkLayerPlan[]): string {
  const first = layers[0] as NetworkLayerPlan;
  const last = layers[layers.length - 1] as NetworkLayerPlan;
  const { conv, pool } = last.plan.geometry;
  const M = last.plan.maps;
  const out: string[] = [
    ...describeNetwork(layers).map((line) => `# ${line}`),
    'from collections import OrderedDict',
    '',
    ...pytorchHead(first.plan),
  ];
  for (const { n, plan } of layers) {
    out.push('', `# Layer ${n}`, ...pythonFilters(plan, String(n)), ...weightLines(plan, String(n)));
  }
  out.push('', '', ...helperClasses(layers), 'model = nn.Sequential(', `${PY}OrderedDict([`);
  for (const layer of layers) out.push(...layerModules(layer));
  out.push(`${PY}])`, ')', 'with torch.no_grad():');
  for (const { n } of layers) {
    out.push(
      `${PY}model.conv${n}.weight.copy_(torch.from_numpy(weight${n}))`,
      `${PY}model.conv${n}.bias.copy_(torch.from_numpy(bias${n}))`,
    );
  }
  out.push(
    `${PY}y = model(x)  # layer ${last.n}'s feature maps`,
    ...poolLines(last.plan as CodePlan),
    `print(y.shape)  # torch.Size([1, ${M}, ${conv.height}, ${conv.width}])`,
    `print(max_pool.shape, avg_pool.shape)  # torch.Size([1, ${M}, ${pool.height}, ${pool.width}])`,
    '',
  );
  return out.join('\n');
}
