/**
 * The kernel operations as a toolbar of buttons, each applied to the selected filter in every channel:
 * normalise by the sum or by the cell count, negate, transpose, rotate 90°, randomise, reset. A button
 * that cannot apply (a sum of 0; turning a non-square kernel that other filters share) is disabled and
 * says why.
 */
import { useId } from 'react';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { KERNEL_OPS, type KernelOp } from '../../kernels/ops.ts';
import { applyKernelOp, editedSpec, opProblem, useStore } from '../../store/index.ts';

const LABEL: Record<KernelOp, MessageKey> = {
  normalizeSum: 'op.normalizeSum',
  normalizeCount: 'op.normalizeCount',
  negate: 'op.negate',
  transpose: 'op.transpose',
  rotate90: 'op.rotate90',
  randomize: 'op.randomize',
  reset: 'op.reset',
};

const INFO: Record<KernelOp, MessageKey> = {
  normalizeSum: 'opInfo.normalizeSum',
  normalizeCount: 'opInfo.normalizeCount',
  negate: 'opInfo.negate',
  transpose: 'opInfo.transpose',
  rotate90: 'opInfo.rotate90',
  randomize: 'opInfo.randomize',
  reset: 'opInfo.reset',
};

export function KernelOps({ filter }: { filter: number }) {
  const t = useT();
  const spec = useStore((s) => editedSpec(s));
  const baseId = useId();
  const problems = KERNEL_OPS.map((op) => ({ op, problem: opProblem(spec, filter, op) }));
  return (
    <div className="kernel-ops">
      <div className="kernel-ops-buttons" role="group" aria-label={t('kernel.ops')}>
        {problems.map(({ op, problem }) => (
          <button
            key={op}
            type="button"
            disabled={problem !== null}
            title={t(INFO[op])}
            aria-describedby={problem ? `${baseId}-${problem}` : undefined}
            onClick={() => applyKernelOp(filter, op)}
          >
            {t(LABEL[op])}
          </button>
        ))}
      </div>
      {(['zeroSum', 'sharedShape'] as const).map((kind) => {
        const ops = problems.filter((p) => p.problem === kind).map((p) => t(LABEL[p.op]));
        return ops.length > 0 ? (
          <p key={kind} id={`${baseId}-${kind}`} className="hint op-problem">
            {ops.join(', ')}: {t(kind === 'zeroSum' ? 'kernel.zeroSum' : 'kernel.sharedShape')}
          </p>
        ) : null;
      })}
    </div>
  );
}
