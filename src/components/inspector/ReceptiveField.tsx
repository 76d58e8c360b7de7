/**
 * Drawn over the input canvas (inside its positioned box): the receptive field of the inspected output
 * pixel, padded cells included. Stub until the inspector lands.
 */
export function ReceptiveField() {
  return null;
}
