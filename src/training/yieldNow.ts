/**
 * A training worker's pause between chunks of work: a message on a channel of our own comes back as a
 * task, so the page's messages queued meanwhile (pause, stop, follow) are handled first, without
 * setTimeout's 4 ms clamp on every chunk.
 */
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();

export function yieldNow(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
