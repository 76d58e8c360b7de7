/**
 * Fashion-MNIST as this project uses it (docs/training.md): the 10,000 test images of the original set
 * (public/data/fashion-mnist, with its licence), images 0–8999 for training and 9000–9999 held out,
 * never trained on. Parsed from the IDX files once gunzipped (the page with DecompressionStream, Node
 * with zlib).
 */
export const IMAGE_SIZE = 28;
export const IMAGE_PIXELS = IMAGE_SIZE * IMAGE_SIZE;
export const TRAIN_IMAGES = 9000;
export const HELD_OUT_IMAGES = 1000;

/** The ten classes, in label order, as the model JSON writes them (CONTRACT: `classes`). */
export const CLASS_NAMES: readonly string[] = [
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

/** Where the page and the command line find the files, relative to the site or the package's public/. */
export const FASHION_MNIST_FILES = {
  images: 'data/fashion-mnist/t10k-images-idx3-ubyte.gz',
  labels: 'data/fashion-mnist/t10k-labels-idx1-ubyte.gz',
} as const;

export interface FashionMnist {
  /** count x 28 x 28 gray pixels 0..255, row by row. */
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

/** A range of images: the training set, the held-out set, or any slice of them. */
export interface ImageRange {
  start: number;
  count: number;
}

export const TRAIN_RANGE: ImageRange = { start: 0, count: TRAIN_IMAGES };
export const HELD_OUT_RANGE: ImageRange = { start: TRAIN_IMAGES, count: HELD_OUT_IMAGES };

function readInt(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function idx(bytes: Uint8Array, magic: number, what: string): { dims: number[]; data: Uint8Array } {
  if (bytes.length < 8 || readInt(bytes, 0) !== magic) {
    throw new Error(`${what}: not an IDX file (magic ${bytes.length >= 4 ? readInt(bytes, 0) : 'missing'})`);
  }
  const rank = magic & 0xff;
  const dims = Array.from({ length: rank }, (_, i) => readInt(bytes, 4 + 4 * i));
  const start = 4 + 4 * rank;
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length < start + size) throw new Error(`${what}: truncated (${bytes.length} bytes)`);
  return { dims, data: bytes.subarray(start, start + size) };
}

/** The images and labels from the two gunzipped IDX files. */
export function parseFashionMnist(imageBytes: Uint8Array, labelBytes: Uint8Array): FashionMnist {
  const images = idx(imageBytes, 0x803, 'images');
  const labels = idx(labelBytes, 0x801, 'labels');
  const [count = 0, rows, cols] = images.dims;
  if (rows !== IMAGE_SIZE || cols !== IMAGE_SIZE) throw new Error(`images: ${rows} x ${cols}, not 28 x 28`);
  if (labels.dims[0] !== count) throw new Error(`${count} images but ${labels.dims[0]} labels`);
  return { images: images.data, labels: labels.data, count };
}
