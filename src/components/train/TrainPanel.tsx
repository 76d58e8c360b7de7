/** Train a small CNN on Fashion-MNIST in the page (docs/training.md). */
export function TrainPanel() {
  return null;
}
