/**
 * The engine's scheduler (src/engine/scheduler.ts) on hand-driven turns: its states and transitions,
 * with no tfjs, no DOM and no real animation frames.
 */
import { describe, expect, it } from 'vitest';
import { Scheduler, type Turns } from '../../src/engine/scheduler.ts';

/** Turns a test runs by hand: microtasks and animation-frame callbacks queue until flushed. */
function handTurns(): Turns & {
  flushMicrotasks: () => void;
  flushAnimationFrame: () => void;
  pending: () => string;
} {
  let micro: Array<() => void> = [];
  let frames: Array<() => void> = [];
  return {
    microtask: (run) => void micro.push(run),
    animationFrame: (run) => void frames.push(run),
    flushMicrotasks: () => {
      const now = micro;
      micro = [];
      for (const run of now) run();
    },
    flushAnimationFrame: () => {
      const now = frames;
      frames = [];
      for (const run of now) run();
    },
    pending: () => `${micro.length} microtask(s), ${frames.length} animation frame(s)`,
  };
}

/** A job that stays running until the test ends it. */
function heldJob() {
  const runs: Array<() => void> = [];
  const job = () => new Promise<void>((resolve) => runs.push(resolve));
  return { job, runs, endLast: () => runs.at(-1)?.() };
}

/** Lets the job's promise chain settle (the scheduler's `finally` runs a few microtasks later). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('the engine scheduler', () => {
  it('runs the first request a microtask later and coalesces requests while scheduled', async () => {
    const turns = handTurns();
    const { job, runs, endLast } = heldJob();
    const scheduler = new Scheduler(job, () => true, turns);
    expect(scheduler.state).toBe('idle');
    scheduler.request();
    scheduler.request();
    expect(scheduler.state).toBe('scheduled');
    expect(turns.pending()).toBe('1 microtask(s), 0 animation frame(s)');
    turns.flushMicrotasks();
    expect(scheduler.state).toBe('running');
    expect(runs).toHaveLength(1);
    endLast();
    await settle();
    expect(scheduler.state).toBe('idle');
    expect(runs).toHaveLength(1);
  });

  it('a request while running marks the job superseded and runs it again once, in the next animation frame', async () => {
    const turns = handTurns();
    const { job, runs, endLast } = heldJob();
    const scheduler = new Scheduler(job, () => true, turns);
    scheduler.request();
    turns.flushMicrotasks();
    expect(scheduler.superseded).toBe(false);
    scheduler.request();
    scheduler.request();
    expect(scheduler.state).toBe('running');
    expect(scheduler.superseded).toBe(true);
    endLast();
    await settle();
    // A job began in this animation frame: the rerun waits for the next one.
    expect(scheduler.state).toBe('scheduled');
    turns.flushMicrotasks();
    expect(runs).toHaveLength(1);
    turns.flushAnimationFrame();
    expect(runs).toHaveLength(2);
    expect(scheduler.superseded).toBe(false);
    endLast();
    await settle();
    expect(scheduler.state).toBe('idle');
  });

  it('after an animation frame with no job, the next request runs a microtask later again', async () => {
    const turns = handTurns();
    const { job, runs, endLast } = heldJob();
    const scheduler = new Scheduler(job, () => true, turns);
    scheduler.request();
    turns.flushMicrotasks();
    endLast();
    await settle();
    scheduler.request();
    expect(turns.pending()).toBe('0 microtask(s), 2 animation frame(s)');
    turns.flushAnimationFrame();
    expect(runs).toHaveLength(2);
    endLast();
    await settle();
    turns.flushAnimationFrame();
    scheduler.request();
    expect(turns.pending()).toBe('1 microtask(s), 0 animation frame(s)');
  });

  it('a turn with nothing to compute goes back to idle without spending the animation frame', async () => {
    const turns = handTurns();
    const { job, runs } = heldJob();
    let ready = false;
    const scheduler = new Scheduler(job, () => ready, turns);
    scheduler.request();
    turns.flushMicrotasks();
    expect(scheduler.state).toBe('idle');
    expect(runs).toHaveLength(0);
    ready = true;
    scheduler.request();
    expect(turns.pending()).toBe('1 microtask(s), 0 animation frame(s)');
    turns.flushMicrotasks();
    expect(runs).toHaveLength(1);
  });
});
