/**
 * `kernelscope train` (docs/cli.md): trains the page's default small CNN on Fashion-MNIST images 0–8999
 * with the page's training code (src/train) and writes the model JSON (docs/training.md). One line per
 * epoch; the last line is the held-out accuracy of the model as written, computed from the JSON alone
 * (`modelLogits`), so it is what anyone recomputing it from the file gets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultTrainNetwork, type TrainSettings } from '../train/defaults.ts';
import { HELD_OUT_RANGE, TRAIN_IMAGES } from '../train/fashionMnist.ts';
import { modelJson, modelLogits, predictions } from '../train/model.ts';
import { Trainer } from '../train/trainer.ts';
import { initTrainBackend } from './backend.ts';
import { fileProblem, InputError } from './errors.ts';
import { loadFashionMnist } from './fashionData.ts';

export interface TrainOptions {
  settings: TrainSettings;
  out: string;
  backend: 'wasm' | 'cpu';
  /** Train on images 0..images-1 only (tests); the held-out set is always 9000–9999. */
  images: number;
  /** Where the two .gz files are (default: the package's own copy). */
  dataDir?: string;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** Trains, writes the model, and returns the lines to print (the last: the held-out accuracy). */
export async function train(options: TrainOptions, print: (line: string) => void): Promise<number> {
  await initTrainBackend(options.backend);
  const data = loadFashionMnist(options.dataDir);
  const { settings } = options;
  const net = defaultTrainNetwork();
  const trainer = new Trainer(data, net, settings, {
    start: 0,
    count: Math.min(options.images, TRAIN_IMAGES),
  });
  try {
    const start = performance.now();
    let epochStart = start;
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    while (!trainer.progress.done) {
      const report = trainer.trainBatch();
      lossSum += report.loss;
      correct += report.accuracy;
      seen++;
      if (!report.epochDone) continue;
      // The epoch's training time apart from the held-out check: the figure the train bench compares.
      const trained = performance.now();
      const heldOut = trainer.evaluate();
      const now = performance.now();
      print(
        `epoch ${report.epoch + 1}/${settings.epochs}  loss ${(lossSum / seen).toFixed(4)}  ` +
          `train accuracy ${(correct / seen).toFixed(4)}  held-out accuracy ${heldOut.accuracy.toFixed(4)}  ` +
          `${seconds(trained - epochStart)} s (+${seconds(now - trained)} s held-out)`,
      );
      epochStart = now;
      lossSum = correct = seen = 0;
    }
    const model = trainer.model();
    try {
      mkdirSync(dirname(options.out), { recursive: true });
      writeFileSync(options.out, `${JSON.stringify(modelJson(model))}\n`);
    } catch (err) {
      throw new InputError(`cannot write ${options.out}: ${fileProblem(err)}`);
    }
    const predicted = predictions(
      modelLogits(model, data.images, HELD_OUT_RANGE.start, HELD_OUT_RANGE.count),
    );
    let right = 0;
    predicted.forEach((p, n) => {
      if (p === data.labels[HELD_OUT_RANGE.start + n]) right++;
    });
    const accuracy = right / HELD_OUT_RANGE.count;
    print(`wrote ${options.out} (${seconds(performance.now() - start)} s on ${options.backend})`);
    print(`held-out accuracy: ${accuracy.toFixed(4)}`);
    return accuracy;
  } finally {
    trainer.dispose();
  }
}
