/**
 * Lets the page handle input, timers and paint before the next piece of a long computation: the rest
 * runs as a new task, queued behind those already waiting (a zero-delay message: no 4 ms timer clamp).
 * Not `scheduler.yield()`: its continuation runs ahead of queued timers, so a long run of pieces starves
 * them (in Chromium a page's own setTimeout callbacks waited until the whole computation ended).
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
