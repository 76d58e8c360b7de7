/**
 * The webcam as the input image. `startWebcam()` asks for a 640 × 480 camera, plays it in a hidden <video>
 * and hands each new video frame to the engine (requestVideoFrameCallback where the browser has it, else
 * once per animation frame). At most one video frame is in the engine at a time: those that arrive while it
 * is still computing are dropped, and the newest is handed over as soon as the engine has drawn. The engine
 * copies each frame into a tensor and disposes the previous one, so nothing is kept per frame here.
 *
 * `stopWebcam()` stops the camera's tracks; the last frame stays as the image. Loading another image (file,
 * paste, sample) or opening another link stops the webcam too. Errors (permission refused, no camera, no
 * camera API in an insecure context) raise an alert through the store and the previous image stays.
 */
import { engine, onFrameDrawn } from '../engine/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { networkProblem, raise, setImage, store, type ImageMeta, type Notice } from '../store/index.ts';
import { setWebcamState, webcamStore } from './store.ts';

/** What the page asks the camera for. */
export const WEBCAM_CONSTRAINTS: MediaStreamConstraints = {
  video: { width: 640, height: 480 },
  audio: false,
};

/** How long a started camera may take to deliver its first frame. */
const FIRST_FRAME_TIMEOUT_MS = 10_000;
/**
 * A frame the engine has not drawn after this long is given up on (the computation failed) and the next one
 * is handed over. Long: with software WebGL on a busy machine one 640 × 480 frame can take seconds.
 */
const PENDING_TIMEOUT_MS = 10_000;
/** The frame rate is the number of frames drawn in the last second. */
const FPS_WINDOW_MS = 1_000;
/** How often the shown frame rate is updated. */
const FPS_UPDATE_MS = 500;

interface Session {
  stream: MediaStream;
  video: HTMLVideoElement;
  meta: ImageMeta;
  /** A frame was handed to the engine and is not drawn yet (performance.now() when handed), or null. */
  pendingSince: number | null;
  /** A video frame arrived while one was pending: hand the newest one as soon as the engine has drawn. */
  skipped: boolean;
  /** The handle of the requested video-frame or animation-frame callback. */
  handle: number | null;
  usesVideoCallback: boolean;
  /** performance.now() of the webcam frames drawn in the last FPS_WINDOW_MS (and at least the last two). */
  drawnAt: number[];
  cleanups: (() => void)[];
}

let session: Session | null = null;
/** Bumped by every start and stop, so a start still waiting on the camera knows it was cancelled. */
let attempt = 0;

/** The notice for a failed getUserMedia (or play), by the DOMException's name. */
export function webcamErrorNotice(error: unknown): Notice {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const keys: Record<string, MessageKey> = {
    NotAllowedError: 'webcam.error.denied',
    PermissionDeniedError: 'webcam.error.denied',
    SecurityError: 'webcam.error.denied',
    NotFoundError: 'webcam.error.noCamera',
    DevicesNotFoundError: 'webcam.error.noCamera',
    OverconstrainedError: 'webcam.error.noCamera',
    ConstraintNotSatisfiedError: 'webcam.error.noCamera',
    NotReadableError: 'webcam.error.busy',
    TrackStartError: 'webcam.error.busy',
    AbortError: 'webcam.error.busy',
  };
  const key = keys[name];
  if (key) return { key };
  const message = error instanceof Error ? error.message : String(error);
  return { key: 'webcam.error.other', params: { detail: name ? `${name}: ${message}` : message } };
}

/** Whether the webcam is on (or starting). */
export function webcamActive(): boolean {
  return session !== null || webcamStore.getState().status === 'starting';
}

/** Starts the webcam; resolves true once its first frame is the input image. */
export async function startWebcam(): Promise<boolean> {
  if (webcamActive()) return false;
  const mine = ++attempt;
  const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (typeof media?.getUserMedia !== 'function') {
    raise({ key: 'webcam.error.insecure' });
    return false;
  }
  setWebcamState({ status: 'starting', fps: null });
  const imageAtStart = store.getState().image;
  /** Stopped meanwhile, or another image was loaded while the camera started: that newer choice wins. */
  const superseded = () => mine !== attempt || store.getState().image !== imageAtStart;
  const giveUp = (notice: Notice | null) => {
    if (mine !== attempt) return false;
    attempt++;
    setWebcamState({ status: 'off', fps: null });
    if (notice) raise(notice);
    return false;
  };

  let stream: MediaStream;
  try {
    stream = await media.getUserMedia(WEBCAM_CONSTRAINTS);
  } catch (error) {
    return giveUp(superseded() ? null : webcamErrorNotice(error));
  }
  if (superseded()) {
    stopTracks(stream);
    return giveUp(null);
  }

  const video = hiddenVideo(stream);
  try {
    await video.play();
    await firstFrame(video);
  } catch (error) {
    releaseVideo(video, stream);
    return giveUp(superseded() ? null : webcamErrorNotice(error));
  }
  if (superseded()) {
    releaseVideo(video, stream);
    return giveUp(null);
  }

  const meta = metaOf(video);
  const problem = networkProblem(store.getState().network, meta);
  if (problem) {
    releaseVideo(video, stream);
    return giveUp({ key: 'webcam.error.spec', params: { detail: problem.message } });
  }

  const s: Session = {
    stream,
    video,
    meta,
    pendingSince: null,
    skipped: false,
    handle: null,
    usesVideoCallback: typeof video.requestVideoFrameCallback === 'function',
    drawnAt: [],
    cleanups: [],
  };
  session = s;
  hand(s);
  setImage(meta);

  s.cleanups.push(
    onFrameDrawn(() => drawn(s)),
    // Another image took the input's place (file, paste, sample, a link's sample): the webcam gives way.
    store.subscribe((state) => {
      if (session === s && state.image !== s.meta) stopWebcam();
    }),
  );
  const onHashChange = () => stopWebcam();
  window.addEventListener('hashchange', onHashChange);
  s.cleanups.push(() => window.removeEventListener('hashchange', onHashChange));
  const timer = setInterval(() => updateFps(s), FPS_UPDATE_MS);
  s.cleanups.push(() => clearInterval(timer));
  for (const track of stream.getVideoTracks()) {
    const onEnded = () => {
      if (session === s) stopWebcam();
    };
    track.addEventListener('ended', onEnded);
    s.cleanups.push(() => track.removeEventListener('ended', onEnded));
  }
  setWebcamState({ status: 'live', fps: null });
  requestNext(s);
  return true;
}

/** Stops the camera (or a start in progress); the last frame handed to the engine stays as the image. */
export function stopWebcam(): void {
  attempt++;
  const s = session;
  session = null;
  if (s) {
    if (s.handle !== null) {
      if (s.usesVideoCallback) s.video.cancelVideoFrameCallback(s.handle);
      else cancelAnimationFrame(s.handle);
      s.handle = null;
    }
    for (const cleanup of s.cleanups) cleanup();
    releaseVideo(s.video, s.stream);
  }
  if (webcamStore.getState().status !== 'off') setWebcamState({ status: 'off', fps: null });
}

function metaOf(video: HTMLVideoElement): ImageMeta {
  const width = video.videoWidth;
  const height = video.videoHeight;
  return { source: 'webcam', sampleId: null, name: `Webcam ${width} × ${height}`, width, height };
}

function hiddenVideo(stream: MediaStream): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.setAttribute('aria-hidden', 'true');
  video.dataset.webcam = '';
  // In the document and "visible" (a 1-pixel, transparent box) so that the browser keeps decoding frames
  // and calls requestVideoFrameCallback; display: none could pause both.
  Object.assign(video.style, {
    position: 'fixed',
    left: '0',
    top: '0',
    width: '1px',
    height: '1px',
    opacity: '0',
    pointerEvents: 'none',
  });
  video.srcObject = stream;
  document.body.append(video);
  return video;
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

function releaseVideo(video: HTMLVideoElement, stream: MediaStream): void {
  stopTracks(stream);
  video.pause();
  video.srcObject = null;
  video.remove();
}

/** Resolves once the video has a frame to read (readyState HAVE_CURRENT_DATA and a size). */
function firstFrame(video: HTMLVideoElement): Promise<void> {
  const ready = () => video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0;
  if (ready()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      clearInterval(poll);
      video.removeEventListener('loadeddata', check);
      video.removeEventListener('resize', check);
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (ready()) done();
    };
    const timer = setTimeout(
      () => done(new DOMException('the camera sent no picture', 'AbortError')),
      FIRST_FRAME_TIMEOUT_MS,
    );
    const poll = setInterval(check, 50);
    video.addEventListener('loadeddata', check);
    video.addEventListener('resize', check);
  });
}

function requestNext(s: Session): void {
  if (session !== s) return;
  s.handle = s.usesVideoCallback
    ? s.video.requestVideoFrameCallback(() => onVideoFrame(s))
    : requestAnimationFrame(() => onVideoFrame(s));
}

function onVideoFrame(s: Session): void {
  s.handle = null;
  if (session !== s) return;
  const stuck = s.pendingSince !== null && performance.now() - s.pendingSince > PENDING_TIMEOUT_MS;
  if (s.pendingSince === null || stuck) hand(s);
  else s.skipped = true;
  requestNext(s);
}

/** Hands the video's current frame to the engine (and follows a change of the camera's picture size). */
function hand(s: Session): void {
  const { video } = s;
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return;
  if (video.videoWidth !== s.meta.width || video.videoHeight !== s.meta.height) {
    const meta = metaOf(video);
    const problem = networkProblem(store.getState().network, meta);
    if (problem) {
      stopWebcam();
      raise({ key: 'webcam.error.spec', params: { detail: problem.message } });
      return;
    }
    s.meta = meta;
    engine.setImage(video);
    setImage(meta);
  } else {
    engine.setImage(video);
  }
  s.pendingSince = performance.now();
  s.skipped = false;
}

/** The engine drew: count it if it was a webcam frame, and hand over the newest frame if one was dropped. */
function drawn(s: Session): void {
  if (session !== s || s.pendingSince === null) return;
  s.pendingSince = null;
  const now = performance.now();
  s.drawnAt.push(now);
  while (s.drawnAt.length > 2 && (s.drawnAt[0] as number) < now - FPS_WINDOW_MS) s.drawnAt.shift();
  if (s.skipped) hand(s);
}

/**
 * Frames drawn in the last second; below two per second (a slow machine), one over the time between the
 * last two frames, or since the last one if that is longer, so the figure neither jumps between 0 and 1
 * nor stays up when frames stop coming.
 */
function framesPerSecond(drawnAt: readonly number[], now: number): number | null {
  const recent = drawnAt.filter((t) => t >= now - FPS_WINDOW_MS).length;
  if (recent >= 2) return (recent * 1000) / FPS_WINDOW_MS;
  const last = drawnAt.at(-1);
  const previous = drawnAt.at(-2);
  if (last === undefined || previous === undefined) return null;
  return 1000 / Math.max(last - previous, now - last, 1);
}

function updateFps(s: Session): void {
  if (session !== s) return;
  setWebcamState({ status: 'live', fps: framesPerSecond(s.drawnAt, performance.now()) });
}
