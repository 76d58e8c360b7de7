/** The built-in sample images, served from public/samples (attribution in public/samples/SOURCES.md). */
export interface Sample {
  id: string;
  file: string;
  /** Shown as is in both languages. */
  label: string;
  group: 'photos' | 'fashion';
}

const FASHION_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

export const SAMPLES: readonly Sample[] = [
  { id: 'camera', file: 'camera.png', label: 'Camera man (512 × 512)', group: 'photos' },
  { id: 'chelsea', file: 'chelsea.png', label: 'Chelsea the cat (451 × 300, RGB)', group: 'photos' },
  { id: 'coins', file: 'coins.png', label: 'Coins (384 × 303)', group: 'photos' },
  { id: 'brick', file: 'brick.png', label: 'Brick wall (512 × 512)', group: 'photos' },
  { id: 'text', file: 'text.png', label: 'Text (448 × 172)', group: 'photos' },
  ...FASHION_CLASSES.map((label, i) => ({
    id: `fashion-mnist-${i}`,
    file: `fashion-mnist-${i}.png`,
    label: `${i}: ${label}`,
    group: 'fashion' as const,
  })),
];

export const DEFAULT_SAMPLE_ID = 'fashion-mnist-9';

export function findSample(id: string): Sample | undefined {
  return SAMPLES.find((s) => s.id === id);
}

export function sampleUrl(sample: Sample): string {
  return `${import.meta.env.BASE_URL}samples/${sample.file}`;
}
