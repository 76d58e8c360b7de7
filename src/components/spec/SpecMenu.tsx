/** Examples menu, reset, export and import of the spec. */
export function SpecMenu() {
  return null;
}
