/** The padded input with the padded cells marked, and the three padding modes side by side. */
export function PaddingView() {
  return null;
}
