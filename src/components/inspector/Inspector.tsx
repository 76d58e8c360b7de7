/** Hover or tap an output pixel: its receptive field on the input and the computation written out. */
export function Inspector() {
  return null;
}
