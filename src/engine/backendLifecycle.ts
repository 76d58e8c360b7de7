/**
 * Which tfjs backend the page runs on, and every switch of it, in one place: the start-up choice
 * (measured, or forced by `?backend=`), a choice by hand, a re-decision as the work changes
 * (autoBackend.ts), a lost WebGL context (to wasm at once, back to webgl when it is restored) and the
 * rebuild after a failed frame (heal). Each switch runs with the engine's tensors dropped and its image
 * carried across (Engine.acrossSwitch), one switch after another, never two at once.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import {
  defaultNetwork,
  raise,
  setBackendStatus,
  store,
  type BackendName,
  type BackendStatus,
} from '../store/index.ts';
import { followWorkload } from './autoBackend.ts';
import { BACKENDS, measuredModel, rebuildBackend, startBackend, switchBackend } from './backend.ts';
import { msPerMac } from './costModel.ts';
import type { Engine } from './engine.ts';
import { onFrameDrawn } from './engineStatus.ts';

/** tfjs's own WebGL canvas, when webgl is the active backend. */
function webglCanvas(): HTMLCanvasElement | OffscreenCanvas | null {
  const backend = tf.backend();
  return backend instanceof MathBackendWebGL ? backend.gpgpu.gl.canvas : null;
}

export class BackendLifecycle {
  /** The switch under way (switches queue behind it). */
  private switching: Promise<unknown> = Promise.resolve();
  /** Settles once start-up has begun tfjs on a backend (or failed to): nothing may touch tfjs before. */
  private started: Promise<unknown> = new Promise(() => {});
  private stopWatchingContext: () => void = () => {};
  /** Failed frames since the last frame drawn: the heal gives up after two. */
  private failuresInRow = 0;

  constructor(private readonly engine: Engine) {}

  /**
   * Starts tfjs on `requested` (the link's `?backend=`) or on the measured choice, then the engine, and
   * keeps the choice right for the work (autoBackend.ts). False, said in an alert, when none starts.
   */
  start(requested: BackendName | null): Promise<boolean> {
    const started = this.begin(requested);
    this.started = started;
    return started;
  }

  /**
   * Resolves when tensors can be made: start-up done and no switch under way. An image chosen during
   * start-up (a file picked at once after a reload) waits here instead of reaching tfjs too early.
   */
  async ready(): Promise<void> {
    await this.started;
    await this.switching;
  }

  private async begin(requested: BackendName | null): Promise<boolean> {
    try {
      setBackendStatus(await startBackend(requested));
    } catch (error) {
      raise({ key: 'error.backend', params: { backend: 'tfjs', detail: (error as Error).message } });
      return false;
    }
    this.watchContext();
    onFrameDrawn(() => {
      this.failuresInRow = 0;
    });
    this.engine.start();
    this.usePace();
    followWorkload(this);
    return true;
  }

  /** A choice by hand (the Backend menu), never overridden afterwards; rejects if it cannot start. */
  choose(name: BackendName): Promise<void> {
    return this.switchTo(async () => {
      setBackendStatus(await switchBackend(name, store.getState().backend));
    });
  }

  /** The measured rule's new choice for the work in use (autoBackend.ts): a manual choice made meanwhile wins. */
  follow(next: BackendStatus): Promise<void> {
    return this.switchTo(async () => {
      await switchBackend(next.name as BackendName, store.getState().backend);
      if (store.getState().backend.reason === 'measured') setBackendStatus(next);
    }).finally(() => this.usePace());
  }

  /**
   * After a frame failed (out of memory on wasm, a lost context mid-op…): the backend rebuilt from its
   * factory (or another started), the last settings that worked back with the same image, and said so.
   * A failure again before any frame is drawn goes to the defaults; a third in a row is only reported.
   */
  async heal(error: unknown): Promise<void> {
    const detail = error instanceof Error ? error.message : String(error);
    const name = (tf.getBackend() ?? store.getState().backend.name ?? 'wasm') as BackendName;
    this.failuresInRow += 1;
    if (this.failuresInRow > 2) {
      raise({ key: 'error.backend', params: { backend: name, detail } });
      return;
    }
    const good = this.failuresInRow === 1 ? this.engine.lastGoodNetwork : null;
    let now: BackendName = name;
    await this.switchTo(async () => {
      for (const candidate of [name, ...BACKENDS.filter((b) => b !== name)]) {
        try {
          await rebuildBackend(candidate);
          now = candidate;
          return;
        } catch {
          // Next backend.
        }
      }
    }, 'rebuild');
    if (now !== name)
      setBackendStatus({ ...store.getState().backend, name: now, reason: 'fallback', detail });
    store.setState({ network: good ?? defaultNetwork(), editing: 0 });
    raise({ key: 'error.healed', params: { backend: name, detail } });
  }

  /** The engine's time estimates from the cost model of the backend in use (costModel.ts). */
  private usePace(): void {
    const measured = measuredModel();
    const name = store.getState().backend.name;
    const samples = measured && name ? measured.model[name] : undefined;
    if (samples) this.engine.setPace(msPerMac(samples));
  }

  /**
   * Runs `change` (which changes the tfjs backend) after the switches before it, with the engine's
   * tensors dropped and its image carried: as values (`carry`), or, when the old backend's tensors
   * cannot be read (`rebuild`: a lost context, a broken backend), from the still image's CPU copy.
   */
  private switchTo(change: () => Promise<void>, how: 'carry' | 'rebuild' = 'carry'): Promise<void> {
    const run = this.switching
      .then(() => this.engine.acrossSwitch(change, how === 'carry'))
      // A webgl backend new to this switch (by hand, re-decided, healed) gets its context watched too;
      // on a move away from webgl the old watch stays, so a lost context's restore still comes back.
      .then(() => {
        if (webglCanvas()) this.watchContext();
      });
    this.switching = run.catch(() => {});
    return run;
  }

  /**
   * Watches the active webgl backend's context: on loss, the engine moves to wasm (else cpu) and the
   * status says so; on restore, webgl is registered anew and the engine moves back.
   */
  private watchContext(): void {
    this.stopWatchingContext();
    const canvas = webglCanvas();
    if (!canvas) return;
    const onLost = (event: Event) => {
      event.preventDefault(); // asks the browser to restore the context later
      void this.switchTo(async () => {
        const fallback = await startBackend('wasm');
        setBackendStatus({ ...fallback, reason: 'lost', detail: null });
      }, 'rebuild');
    };
    const onRestored = () => {
      this.stopWatchingContext();
      void this.switchTo(async () => {
        // The old backend object is bound to the dead context: register a fresh one.
        tf.removeBackend('webgl');
        tf.registerBackend('webgl', () => new MathBackendWebGL(), 2);
        const status = await startBackend('webgl');
        setBackendStatus({ ...status, reason: 'restored', detail: null });
      });
    };
    canvas.addEventListener('webglcontextlost', onLost);
    canvas.addEventListener('webglcontextrestored', onRestored);
    this.stopWatchingContext = () => {
      canvas.removeEventListener('webglcontextlost', onLost);
      canvas.removeEventListener('webglcontextrestored', onRestored);
    };
  }
}
