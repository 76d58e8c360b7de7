/**
 * The loss and accuracy curves of a training run, x in epochs: the loss on a log scale (each batch
 * faint, a smoothed line over it, the held-out loss a dot per epoch) and the accuracy from 0 to 1 (the
 * training accuracy smoothed, the held-out accuracy per epoch). Two LineCharts side by side when there
 * is room.
 */
import { memo, useMemo } from 'react';
import { useT } from '../../i18n/index.ts';
import type { BatchPoint, EpochPoint } from '../../training/types.ts';
import { smooth } from './chartScale.ts';
import { LineChart, type ChartSeries } from './LineChart.tsx';

interface Props {
  batches: BatchPoint[];
  epochs: EpochPoint[];
  epochsTotal: number;
  batchesPerEpoch: number;
}

/**
 * The moving average's weight: about a tenth of an epoch (3 to 30 batches), so a short run on 200
 * images still bends and a long one is not just noise.
 */
export function smoothingWeight(batchesPerEpoch: number): number {
  const window = Math.min(30, Math.max(3, batchesPerEpoch / 10));
  return 1 - 1 / window;
}

const ACCURACY_DOMAIN = [0, 1] as const;

export const TrainCurves = memo(function TrainCurves({
  batches,
  epochs,
  epochsTotal,
  batchesPerEpoch,
}: Props) {
  const t = useT();
  const perEpoch = Math.max(1, batchesPerEpoch);
  const xDomain = useMemo(() => [0, Math.max(1, epochsTotal)] as const, [epochsTotal]);

  const { loss, accuracy } = useMemo(() => {
    // Batch `step` n (from 1) ends at n / batchesPerEpoch epochs: the last batch of epoch 1 sits at x = 1.
    const lossPoints = batches.map((b) => [b.step / perEpoch, b.loss] as [number, number]);
    const accuracyPoints = batches.map((b) => [b.step / perEpoch, b.accuracy] as [number, number]);
    const weight = smoothingWeight(perEpoch);
    const loss: ChartSeries[] = [
      { label: t('curves.trainBatch'), points: lossPoints, faint: true, colour: 'var(--chart-1)' },
      { label: t('curves.trainSmoothed'), points: smooth(lossPoints, weight), colour: 'var(--chart-1)' },
      {
        label: t('curves.heldOut'),
        points: epochs.map((e) => [e.epoch, e.heldOutLoss] as [number, number]),
        dots: true,
        dashed: true,
        colour: 'var(--chart-2)',
      },
    ];
    const accuracy: ChartSeries[] = [
      { label: t('curves.trainSmoothed'), points: smooth(accuracyPoints, weight), colour: 'var(--chart-1)' },
      {
        label: t('curves.heldOut'),
        points: epochs.map((e) => [e.epoch, e.heldOutAccuracy] as [number, number]),
        dots: true,
        dashed: true,
        colour: 'var(--chart-2)',
      },
    ];
    return { loss, accuracy };
  }, [batches, epochs, perEpoch, t]);

  return (
    <section className="train-curves">
      <h3>{t('curves.heading')}</h3>
      {batches.length === 0 && <p className="train-views-note">{t('curves.waiting')}</p>}
      <div className="train-curves-charts">
        <LineChart
          series={loss}
          yScale="log"
          xLabel={t('curves.epochAxis')}
          yLabel={t('curves.lossAxis')}
          xDomain={xDomain}
          ariaLabel={t('curves.lossChart')}
        />
        <LineChart
          series={accuracy}
          yScale="linear"
          yDomain={ACCURACY_DOMAIN}
          xLabel={t('curves.epochAxis')}
          yLabel={t('curves.accuracyAxis')}
          xDomain={xDomain}
          ariaLabel={t('curves.accuracyChart')}
        />
      </div>
      <p className="train-views-note">{t('curves.hint')}</p>
    </section>
  );
});
