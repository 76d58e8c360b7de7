/**
 * NumPy's .npy format, version 1.0 (numpy.lib.format): the magic "\x93NUMPY", the version bytes 1 and 0,
 * a little-endian uint16 header length, then an ASCII dict literal padded with spaces and ended by "\n" so
 * that the data starts at a multiple of 64 bytes, then the raw array in C order.
 */

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
/** Magic (6) + version (2) + header length (2). */
const PREAMBLE_BYTES = 10;
/** Version 1.0 stores the header length in a uint16. */
const MAX_HEADER_BYTES = 0xffff;
const ALIGNMENT = 64;

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The header dict exactly as numpy writes it, e.g. `{'descr': '<f4', 'fortran_order': False, 'shape': (5, 9, 3), }`. */
export function npyHeader(shape: readonly number[]): string {
  const dims = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  return `{'descr': '<f4', 'fortran_order': False, 'shape': ${dims}, }`;
}

/**
 * A complete .npy file holding `data` as float32 little-endian ('<f4'), C order, with the given shape
 * (for the command line: [H, W, maps]). Throws if the shape does not match the data.
 */
export function encodeNpy(data: Float32Array, shape: readonly number[]): Uint8Array {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0)
      throw new RangeError(`npy: bad dimension ${d} in shape [${shape.join(', ')}]`);
  }
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) {
    throw new RangeError(
      `npy: shape [${shape.join(', ')}] holds ${count} values, the data has ${data.length}`,
    );
  }

  const dict = npyHeader(shape);
  // Pad with spaces so that preamble + header (ending in "\n") is a multiple of 64.
  const unpadded = PREAMBLE_BYTES + dict.length + 1;
  const padding = (ALIGNMENT - (unpadded % ALIGNMENT)) % ALIGNMENT;
  const header = `${dict}${' '.repeat(padding)}\n`;
  if (header.length > MAX_HEADER_BYTES) throw new RangeError('npy: header too long for format version 1.0');

  const dataOffset = PREAMBLE_BYTES + header.length;
  const out = new Uint8Array(dataOffset + data.length * 4);
  out.set(MAGIC, 0);
  out[6] = 1; // major version
  out[7] = 0; // minor version
  const view = new DataView(out.buffer);
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[PREAMBLE_BYTES + i] = header.charCodeAt(i);

  if (HOST_IS_LITTLE_ENDIAN) {
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), dataOffset);
  } else {
    for (let i = 0; i < data.length; i++) view.setFloat32(dataOffset + i * 4, data[i] ?? 0, true);
  }
  return out;
}
