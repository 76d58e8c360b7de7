import { useStore } from '../../store/index.ts';
import { Fold } from '../Fold.tsx';
import { CodePanel } from './CodePanel.tsx';
import { FormulaPanel } from './FormulaPanel.tsx';
import { ParamsPanel } from './ParamsPanel.tsx';
import { ReceptiveFieldPanel } from './ReceptiveFieldPanel.tsx';
import { ShapesTable } from './ShapesTable.tsx';
import './numbers.css';

/**
 * The numbers behind the picture, folded under two headings: the output-size formula, shapes and
 * parameter counts (and, for a network, the receptive field); and the equivalent code.
 */
export function NumbersPanel() {
  // A network's tables are wider (a row group per layer, five cost columns): one under the other.
  const deep = useStore((s) => s.network.layers.length > 1);
  return (
    <>
      <Fold section="numbers" title="fold.numbers">
        <div className="numbers">
          <FormulaPanel />
          <div className={deep ? 'numbers-row numbers-stacked' : 'numbers-row'}>
            <ShapesTable />
            <ParamsPanel />
          </div>
          <ReceptiveFieldPanel />
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
