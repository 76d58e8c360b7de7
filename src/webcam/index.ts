/** The webcam as the input image (see webcam.ts). */
export { startWebcam, stopWebcam, webcamActive, webcamErrorNotice, WEBCAM_CONSTRAINTS } from './webcam.ts';
export { useWebcam, webcamStore, type WebcamState, type WebcamStatus } from './store.ts';
