/**
 * What the Keras and PyTorch snippets share: loading the picture with Pillow and NumPy as the page does
 * (floats 0..255, luma for gray), and the weights as a NumPy array filters[f][row][column](+[channel]).
 */
import { filtersLiteral, list } from './format.ts';
import type { CodePlan } from './plan.ts';

export const PY = '    ';

/** Lines that leave `x` as a float32 NHWC array [1, H, W, C]. */
export function pythonInput(plan: CodePlan): string[] {
  const { image, geometry } = plan;
  const { height, width } = geometry.input;
  const lines = [
    `# Input: ${image.label}, pixel values 0..255 (not 0..1, as on the page)`,
    `rgb = np.asarray(Image.open('${image.file}').convert('RGB'), dtype=np.float32)  # (H, W, 3)`,
  ];
  if (image.crop) {
    const [x, y, w, h] = image.crop;
    lines.push(`rgb = rgb[${y}:${y + h}, ${x}:${x + w}]  # the page's ${h} × ${w} crop`);
  }
  if (plan.channels === 'gray') {
    lines.push(
      `x = rgb @ np.array(${list([...plan.luma])}, dtype=np.float32)  # gray: luma (float, not rounded)`,
      `x = x[np.newaxis, :, :, np.newaxis]  # NHWC (1, ${height}, ${width}, 1)`,
    );
  } else {
    lines.push(`x = rgb[np.newaxis]  # NHWC (1, ${height}, ${width}, 3)`);
  }
  return lines;
}

/**
 * `filters = np.array([...], dtype=np.float32)` and `bias`, with a comment on their layout; a network
 * names each layer's with its number (`filters2`, `bias2`).
 */
export function pythonFilters(plan: CodePlan, suffix = ''): string[] {
  const lines: string[] = [];
  if (plan.flip) {
    lines.push(
      '# flip: the page computes a true convolution, the frameworks a cross-correlation; so these are',
      "# the page's filters rotated 180°.",
    );
  }
  lines.push(
    plan.depth === 0
      ? `# filters[f][row][column], each shared by every input channel: (F, kh, kw) = (${plan.filterCount}, ${plan.kh}, ${plan.kw})`
      : `# filters[f][row][column][channel]: (F, kh, kw, C) = (${plan.filterCount}, ${plan.kh}, ${plan.kw}, ${plan.depth})`,
    `filters${suffix} = np.array([`,
    filtersLiteral(plan.filters, PY, PY, '#'),
    '], dtype=np.float32)',
    `bias${suffix} = np.array(${list(plan.biases)}, dtype=np.float32)  # one per filter`,
  );
  return lines;
}

/** The (F, kh, kw, C) array every layout below starts from. */
export function pythonFull(plan: CodePlan, suffix = ''): string {
  const filters = `filters${suffix}`;
  if (plan.depth > 0) return filters;
  return plan.inC === 1
    ? `${filters}[..., np.newaxis]`
    : `np.repeat(${filters}[..., np.newaxis], ${plan.inC}, axis=3)`;
}
