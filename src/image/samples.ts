/** The built-in sample images, served from public/samples (attribution in public/samples/SOURCES.md). */
// One list of the class names: the model files write the same ones.
import { CLASS_NAMES } from '../train/fashionMnist.ts';

export interface Sample {
  id: string;
  file: string;
  /** Shown as is in both languages. */
  label: string;
  group: 'photos' | 'fashion';
  /** Cut out at load, [x, y, width, height]: e.g. the course notes' 27 × 27 Fashion-MNIST image. */
  crop?: [number, number, number, number];
}

export const SAMPLES: readonly Sample[] = [
  { id: 'camera', file: 'camera.png', label: 'Camera man (512 × 512)', group: 'photos' },
  { id: 'chelsea', file: 'chelsea.png', label: 'Chelsea the cat (451 × 300, RGB)', group: 'photos' },
  { id: 'coins', file: 'coins.png', label: 'Coins (384 × 303)', group: 'photos' },
  { id: 'brick', file: 'brick.png', label: 'Brick wall (512 × 512)', group: 'photos' },
  { id: 'text', file: 'text.png', label: 'Text (448 × 172)', group: 'photos' },
  ...CLASS_NAMES.map((label, i) => ({
    id: `fashion-mnist-${i}`,
    file: `fashion-mnist-${i}.png`,
    label: `${i}: ${label}`,
    group: 'fashion' as const,
  })),
  // The SeSAC notes shrink a Fashion-MNIST ankle boot to 27 × 27 (Sobel, VALID → 25 × 25): the test
  // ankle boot without its empty first row and its first column.
  {
    id: 'fashion-mnist-27',
    file: 'fashion-mnist-9.png',
    label: '9: Ankle boot, 27 × 27 crop',
    group: 'fashion',
    crop: [1, 1, 27, 27],
  },
];

export const DEFAULT_SAMPLE_ID = 'fashion-mnist-9';

export function findSample(id: string): Sample | undefined {
  return SAMPLES.find((s) => s.id === id);
}

export function sampleUrl(sample: Sample): string {
  return `${import.meta.env.BASE_URL}samples/${sample.file}`;
}
