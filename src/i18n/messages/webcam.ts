/** The webcam as the input image: the toggle, its frame rate, and why it could not start. */
export const en = {
  'webcam.start': 'Use webcam',
  'webcam.stop': 'Stop webcam',
  'webcam.starting': 'Starting the webcam…',
  'webcam.name': 'Webcam {width} × {height}',
  'webcam.live': 'Live: {fps} fps',
  'webcam.liveWaiting': 'Live: measuring fps…',
  'webcam.stopped': 'Webcam stopped; its last frame stays as the image.',
  'webcam.error.denied':
    'The webcam could not start: permission to use the camera was refused. Allow the camera for this page in the browser’s site settings and try again. The previous image is still shown.',
  'webcam.error.noCamera':
    'The webcam could not start: no camera was found (or none can give video). The previous image is still shown.',
  'webcam.error.busy':
    'The webcam could not start: the camera is in use by another program or could not be read. The previous image is still shown.',
  'webcam.error.insecure':
    'The webcam is not available here: browsers only offer the camera to pages served over HTTPS or from localhost. The previous image is still shown.',
  'webcam.error.other': 'The webcam could not start ({detail}). The previous image is still shown.',
  'webcam.error.spec': 'The webcam was not used: with the current settings {detail}',
};

export const ko: Record<keyof typeof en, string> = {
  'webcam.start': '웹캠 사용',
  'webcam.stop': '웹캠 중지',
  'webcam.starting': '웹캠을 켜는 중…',
  'webcam.name': '웹캠 {width} × {height}',
  'webcam.live': '실시간: {fps} fps',
  'webcam.liveWaiting': '실시간: fps 측정 중…',
  'webcam.stopped': '웹캠을 멈췄습니다. 마지막 프레임이 이미지로 남습니다.',
  'webcam.error.denied':
    '웹캠을 켤 수 없습니다: 카메라 사용 권한이 거부되었습니다. 브라우저의 사이트 설정에서 이 페이지의 카메라를 허용한 뒤 다시 시도하세요. 이전 이미지가 그대로 표시됩니다.',
  'webcam.error.noCamera':
    '웹캠을 켤 수 없습니다: 카메라를 찾을 수 없습니다 (또는 영상을 줄 수 있는 카메라가 없습니다). 이전 이미지가 그대로 표시됩니다.',
  'webcam.error.busy':
    '웹캠을 켤 수 없습니다: 다른 프로그램이 카메라를 사용 중이거나 카메라를 읽을 수 없습니다. 이전 이미지가 그대로 표시됩니다.',
  'webcam.error.insecure':
    '여기서는 웹캠을 쓸 수 없습니다: 브라우저는 HTTPS나 localhost에서 열린 페이지에만 카메라를 허용합니다. 이전 이미지가 그대로 표시됩니다.',
  'webcam.error.other': '웹캠을 켤 수 없습니다 ({detail}). 이전 이미지가 그대로 표시됩니다.',
  'webcam.error.spec': '웹캠을 사용하지 않았습니다. 현재 설정에서는 {detail}',
};
