import { Fold } from '../Fold.tsx';
import { CodePanel } from './CodePanel.tsx';
import { FormulaPanel } from './FormulaPanel.tsx';
import { ParamsPanel } from './ParamsPanel.tsx';
import { ShapesTable } from './ShapesTable.tsx';
import './numbers.css';

/**
 * The numbers behind the picture, folded under two headings: the output-size formula, shapes and
 * parameter counts; and the equivalent code.
 */
export function NumbersPanel() {
  return (
    <>
      <Fold section="numbers" title="fold.numbers">
        <div className="numbers">
          <FormulaPanel />
          <div className="numbers-row">
            <ShapesTable />
            <ParamsPanel />
          </div>
        </div>
      </Fold>
      <Fold section="code" title="fold.code">
        <div className="numbers">
          <CodePanel />
        </div>
      </Fold>
    </>
  );
}
