/** Learn a kernel: filter 1 learned by gradient descent to match a hidden target (docs/training.md). */
export function LearnKernelPanel() {
  return null;
}
