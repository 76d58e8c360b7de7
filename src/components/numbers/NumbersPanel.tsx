import { CodePanel } from './CodePanel.tsx';
import { FormulaPanel } from './FormulaPanel.tsx';
import { ParamsPanel } from './ParamsPanel.tsx';
import { ShapesTable } from './ShapesTable.tsx';
import './numbers.css';

/** The numbers behind the picture: output-size formula, shapes, parameter counts, equivalent code. */
export function NumbersPanel() {
  return (
    <div className="numbers">
      <FormulaPanel />
      <div className="numbers-row">
        <ShapesTable />
        <ParamsPanel />
      </div>
      <CodePanel />
    </div>
  );
}
