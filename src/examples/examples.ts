/**
 * The worked examples of the course notes, as data: each one is a spec and a sample that a share link opens
 * (docs/spec.md, the page's link), with the shapes the page should then show. A spec may be a network,
 * `{layers: [...]}` (docs/spec.md, "Networks"). The page's Examples menu, the lesson and the README's
 * "Course-note examples" section are all made from this list.
 */
import type { MessageKey } from '../i18n/messages.ts';
import { SOBEL_X_GRID as SOBEL_X, SOBEL_Y_GRID as SOBEL_Y } from '../kernels/presets.ts';

/** What the page's figcaptions should show once the example is open. */
export interface ExpectedShapes {
  /** "Input image" caption, e.g. `28 × 28`, `300 × 451 × 3`. */
  input: string;
  /** "Filter 1" caption, e.g. `7 × 7`, `3 × 3 × 3`. */
  filter: string;
  /** "Feature map 1" caption. */
  conv: string;
  /** "Max pooling 1" and "Average pooling 1" captions. */
  pool: string;
  /** Number of feature maps. */
  maps: number;
  /** A network's layers after the first, in order (captions "Layer N feature map M", …). */
  layers?: readonly ExpectedLayer[];
}

/** What a deeper layer's figures should show, and its "Receptive field R × R". */
export interface ExpectedLayer {
  conv: string;
  pool: string;
  maps: number;
  field: string;
}

export interface CourseExample {
  id: string;
  /** Short name (menu item, README link text). */
  title: MessageKey;
  /** One line: what to look at. */
  detail: MessageKey;
  /** The lesson path's paragraph for this step: what to look at and why (at most three sentences). */
  lesson: MessageKey;
  /** Which course note works it (seed file and section). */
  source: string;
  /** The spec as JSON, written out in full where it teaches something (a link keeps it as written). */
  spec: Record<string, unknown>;
  sample: string;
  /** Show the Sobel magnitude √(map 1² + map 2²) (`mag=1` in the link). */
  magnitude?: boolean;
  /**
   * A demo the example opens, as its link fields (docs/demos.md), e.g. `demo=window&stop=91`: the page
   * opens that demo where the fields say and scrolls to it.
   */
  demo?: string;
  expected: ExpectedShapes;
}

const LAPLACIAN = [
  [0, 1, 0],
  [1, -4, 1],
  [0, 1, 0],
];
const SHARPEN = [
  [0, -1, 0],
  [-1, 5, -1],
  [0, -1, 0],
];
/** The 3 × 3 binomial blur, 1/16 · [1 2 1; 2 4 2; 1 2 1]: exact in binary, so the link stays short. */
const BLUR = [
  [0.0625, 0.125, 0.0625],
  [0.125, 0.25, 0.125],
  [0.0625, 0.125, 0.0625],
];
/** The small CNN's 8 first-layer filters: edges in four directions, Laplacian, sharpen, blur, emboss. */
const EIGHT = [
  SOBEL_X,
  SOBEL_Y,
  [
    [-2, -1, 0],
    [-1, 0, 1],
    [0, 1, 2],
  ],
  [
    [0, 1, 2],
    [-1, 0, 1],
    [-2, -1, 0],
  ],
  LAPLACIAN,
  SHARPEN,
  BLUR,
  [
    [-2, -1, 0],
    [-1, 1, 1],
    [0, 1, 2],
  ],
];
const negated = (grid: number[][]) => grid.map((row) => row.map((w) => (w === 0 ? 0 : -w)));

export const EXAMPLES: readonly CourseExample[] = [
  {
    id: 'output-size-7x7',
    title: 'example.outputSize.title',
    detail: 'example.outputSize.detail',
    lesson: 'lesson.outputSize',
    source: 'goormNLP CNN lecture, "Calculate output": W = 28, F = 7, P = 0, S = 1 → 22',
    spec: {
      filters: [{ weights: Array.from({ length: 7 }, () => Array<number>(7).fill(1)) }],
      padding: 'valid',
      stride: [1, 1],
    },
    sample: 'fashion-mnist-9',
    expected: { input: '28 × 28', filter: '7 × 7', conv: '22 × 22', pool: '11 × 11', maps: 1 },
  },
  {
    id: 'sobel-27-valid',
    title: 'example.sobel27.title',
    detail: 'example.sobel27.detail',
    lesson: 'lesson.sobel27',
    source:
      'SeSAC notes, "이미지 필터 사용해보기": h_filter and v_filter on a 27 × 27 Fashion-MNIST image, (27 − 3)/1 + 1 = 25, then √(h² + v²)',
    spec: {
      filters: [
        {
          weights: [
            [1, 2, 1],
            [0, 0, 0],
            [-1, -2, -1],
          ],
        },
        {
          weights: [
            [1, 0, -1],
            [2, 0, -2],
            [1, 0, -1],
          ],
        },
      ],
      padding: 'valid',
    },
    sample: 'fashion-mnist-27',
    magnitude: true,
    expected: { input: '27 × 27', filter: '3 × 3', conv: '25 × 25', pool: '12 × 12', maps: 2 },
  },
  {
    id: 'same-keeps-size',
    title: 'example.same.title',
    detail: 'example.same.detail',
    lesson: 'lesson.same',
    source: 'Padding sections of the notes: padding="same" keeps the feature map the size of the input',
    spec: { filters: [{ weights: SOBEL_X }], padding: 'same', stride: [1, 1] },
    sample: 'fashion-mnist-9',
    expected: { input: '28 × 28', filter: '3 × 3', conv: '28 × 28', pool: '14 × 14', maps: 1 },
  },
  {
    id: 'stride-2-halves',
    title: 'example.stride2.title',
    detail: 'example.stride2.detail',
    lesson: 'lesson.stride2',
    source: 'CNN 완벽 가이드, 스트라이드: stride 2 roughly halves the feature map',
    spec: { filters: [{ weights: SOBEL_X }], padding: 'same', stride: [2, 2] },
    sample: 'fashion-mnist-9',
    expected: { input: '28 × 28', filter: '3 × 3', conv: '14 × 14', pool: '7 × 7', maps: 1 },
  },
  {
    id: 'pool-2x2',
    title: 'example.pool.title',
    detail: 'example.pool.detail',
    lesson: 'lesson.pool',
    source: 'SeSAC notes, 풀링: a 2 × 2 window with stride 2 halves the feature map',
    spec: {
      filters: [{ weights: SOBEL_X }],
      padding: 'valid',
      activation: 'relu',
      pool: { size: [2, 2], stride: [2, 2], padding: 'valid' },
    },
    sample: 'fashion-mnist-9',
    expected: { input: '28 × 28', filter: '3 × 3', conv: '26 × 26', pool: '13 × 13', maps: 1 },
  },
  {
    id: 'flip-asymmetric',
    title: 'example.flip.title',
    detail: 'example.flip.detail',
    lesson: 'lesson.flip',
    source: 'Convolution vs cross-correlation: a true convolution flips the filter first',
    spec: {
      filters: [
        {
          weights: [
            [-2, -1, 0],
            [-1, 1, 1],
            [0, 1, 2],
          ],
        },
      ],
      flip: true,
    },
    sample: 'fashion-mnist-9',
    expected: { input: '28 × 28', filter: '3 × 3', conv: '28 × 28', pool: '14 × 14', maps: 1 },
  },
  {
    id: 'rgb-3-channel',
    title: 'example.rgb.title',
    detail: 'example.rgb.detail',
    lesson: 'lesson.rgb',
    source: '3차원 데이터의 합성곱: the filter has as many channels as the input',
    spec: {
      channels: 'rgb',
      filters: [{ weights: SOBEL_X.map((row) => row.map((w) => [w, w, w])) }],
    },
    sample: 'chelsea',
    expected: { input: '300 × 451 × 3', filter: '3 × 3 × 3', conv: '300 × 451', pool: '150 × 225', maps: 1 },
  },
  {
    id: 'n-filters',
    title: 'example.filters.title',
    detail: 'example.filters.detail',
    lesson: 'lesson.filters',
    source: 'Several filters: as many output maps (channels) as filters',
    spec: {
      filters: [
        { weights: SOBEL_X },
        { weights: SOBEL_Y },
        {
          weights: [
            [0, 1, 0],
            [1, -4, 1],
            [0, 1, 0],
          ],
        },
        {
          weights: [
            [0, -1, 0],
            [-1, 5, -1],
            [0, -1, 0],
          ],
        },
      ],
    },
    sample: 'fashion-mnist-9',
    expected: { input: '28 × 28', filter: '3 × 3', conv: '28 × 28', pool: '14 × 14', maps: 4 },
  },
  {
    id: 'relu',
    title: 'example.relu.title',
    detail: 'example.relu.detail',
    lesson: 'lesson.relu',
    source: 'Activation function: ReLU turns negatives into 0 and passes positives',
    spec: { filters: [{ weights: SOBEL_X }], activation: 'relu' },
    sample: 'fashion-mnist-9',
    expected: { input: '28 × 28', filter: '3 × 3', conv: '28 × 28', pool: '14 × 14', maps: 1 },
  },
  {
    id: 'stack-3-field',
    title: 'example.stack3.title',
    detail: 'example.stack3.detail',
    lesson: 'lesson.stack3',
    source:
      '합성곱 신경망, 수용영역 (receptive field), and CNN 완벽 가이드, Receptive Field (수용장): three 3 × 3 layers with 2 × 2 pooling see 3, 8 and 18 pixels',
    spec: {
      layers: [
        { filters: [{ weights: SOBEL_X }, { weights: SOBEL_Y }], activation: 'relu' },
        { filters: [{ weights: BLUR }], activation: 'relu' },
        { filters: [{ weights: BLUR }], activation: 'relu' },
      ],
    },
    sample: 'fashion-mnist-0',
    expected: {
      input: '28 × 28',
      filter: '3 × 3',
      conv: '28 × 28',
      pool: '14 × 14',
      maps: 2,
      layers: [
        { conv: '14 × 14', pool: '7 × 7', maps: 1, field: '8 × 8' },
        { conv: '7 × 7', pool: '3 × 3', maps: 1, field: '18 × 18' },
      ],
    },
  },
  {
    id: 'small-cnn',
    title: 'example.smallCnn.title',
    detail: 'example.smallCnn.detail',
    lesson: 'lesson.smallCnn',
    source:
      'the CNN of the notes, convolution → ReLU → pooling twice (합성곱 신경망; CNN 완벽 가이드, Conv2D(filters, kernel_size=3)): 28 × 28 × 8 → 14 × 14 × 8 → 14 × 14 × 16 → 7 × 7 × 16',
    spec: {
      layers: [
        { filters: EIGHT.map((weights) => ({ weights })), activation: 'relu' },
        { filters: [...EIGHT, ...EIGHT.map(negated)].map((weights) => ({ weights })), activation: 'relu' },
      ],
    },
    sample: 'fashion-mnist-9',
    expected: {
      input: '28 × 28',
      filter: '3 × 3',
      conv: '28 × 28',
      pool: '14 × 14',
      maps: 8,
      layers: [{ conv: '14 × 14', pool: '7 × 7', maps: 16, field: '8 × 8' }],
    },
  },
  {
    id: 'sliding-window',
    title: 'example.window.title',
    detail: 'example.window.detail',
    lesson: 'lesson.window',
    source:
      '합성곱 신경망, 합성곱층 연산: "필터의 윈도우를 일정한 간격으로 이동해가면 계산함", "입력 데이터와 필터가 대응하는 원소끼리 곱한 후 총합을 구함"; CNN 완벽 가이드, 스트라이드: "Filter를 적용할 때 Sliding Window가 이동하는 간격"',
    spec: { filters: [{ weights: SOBEL_X }], padding: 'same', stride: [2, 2] },
    sample: 'fashion-mnist-9',
    // Stop 91 writes row 7, column 7 of the 14 × 14 map: the window on the boot's left edge.
    demo: 'demo=window&stop=91',
    expected: { input: '28 × 28', filter: '3 × 3', conv: '14 × 14', pool: '7 × 7', maps: 1 },
  },
  {
    id: 'stride-vs-pooling',
    title: 'example.shrink.title',
    detail: 'example.shrink.detail',
    lesson: 'lesson.shrink',
    source:
      'CNN 완벽 가이드, stride/padding/pooling: "stride를 증가시키는것과 pooling 모두 출력 feature map의 크기를 줄이는데 사용한다", "stride로 feature map 크기를 줄이는 것이 pooling 보다 더 나은 성능을 보인다"; 풀링: "feature들이 서로 다른 이미지에서 위치가 달라지면서 다르게 해석되는 현상을 중화시켜준다"',
    spec: { filters: [{ weights: SOBEL_X }], padding: 'same', activation: 'relu' },
    sample: 'fashion-mnist-9',
    demo: 'demo=shrink&shift=1',
    expected: { input: '28 × 28', filter: '3 × 3', conv: '28 × 28', pool: '14 × 14', maps: 1 },
  },
  {
    id: 'dense-vs-conv',
    title: 'example.dense.title',
    detail: 'example.dense.detail',
    lesson: 'lesson.dense',
    source:
      'CNN 완벽 가이드, Dense Layer기반 Image 분류의 문제점, 문제점 2: "이미지의 크기가 커질 수록 너무 많은 Weight가 필요하다", "500 x 500의 이미지가 은닉층 하나를 거칠 때 Weight 250,000개가 필요하다"',
    spec: { filters: [{ weights: SOBEL_X }] },
    sample: 'chelsea',
    demo: 'demo=dense&units=128',
    expected: { input: '300 × 451', filter: '3 × 3', conv: '300 × 451', pool: '150 × 225', maps: 1 },
  },
];

/**
 * The example's share-link hash, without '#': the spec as written, the sample, `mag=1` when it shows
 * the Sobel magnitude, then the demo it opens. No language: the page keeps its own.
 */
export function exampleHash(example: CourseExample): string {
  const parts = [`spec=${encodeURIComponent(JSON.stringify(example.spec))}`, `sample=${example.sample}`];
  if (example.magnitude) parts.push('mag=1');
  if (example.demo) parts.push(example.demo);
  return parts.join('&');
}

/** The hash of step `step` (1-based) of the lesson path: the example's link and the step. */
export function lessonHash(step: number): string {
  const example = EXAMPLES[step - 1];
  if (!example) throw new RangeError(`no lesson step ${step}`);
  return `${exampleHash(example)}&lesson=${step}`;
}
