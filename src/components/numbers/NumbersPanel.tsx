import { FormulaPanel } from './FormulaPanel.tsx';

/** The numbers behind the picture: output-size formula, shapes, parameter counts, equivalent code. */
export function NumbersPanel() {
  return <FormulaPanel />;
}
