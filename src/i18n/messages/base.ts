/** The frame of the page: title, language, status line, image loading, errors, sharing. */
export const en = {
  'app.title': 'Kernelscope',
  'app.tagline': 'See what a convolution filter does to your image, live.',
  'language.label': 'Language',
  'language.en': 'English',
  'language.ko': '한국어',
  'status.backend': 'Backend: {backend}',
  'status.loading': 'Starting tfjs…',
  'status.fallback': 'Backend: {backend} (WebGL unavailable: {reason})',
  'status.forced': 'Backend: {backend} (chosen by the link)',
  'status.frame': '{ms} ms per update',
  'image.heading': 'Image',
  'image.choose': 'Choose image',
  'image.dropZone': 'Image drop zone',
  'image.dropHint':
    'Drop an image here, paste one (Ctrl+V), or choose a file. Images never leave your browser.',
  'image.sample': 'Sample image',
  'image.samplesGroup.photos': 'Photos',
  'image.samplesGroup.fashion': 'Fashion-MNIST (28 × 28)',
  'image.loading': 'Loading {name}…',
  'image.loaded': 'Showing {name}',
  'error.dismiss': 'Dismiss',
  'error.notImage':
    '“{name}” is not an image this page can read (PNG, JPEG, GIF, WebP, BMP). The previous image is still shown.',
  'error.empty': '“{name}” is empty (0 bytes). The previous image is still shown.',
  'error.broken':
    '“{name}” looks like an image but could not be decoded; it may be damaged. The previous image is still shown.',
  'error.tooLarge':
    '“{name}” is {width} × {height} pixels; the largest this page takes is {max} pixels per side. The previous image is still shown.',
  'error.fileTooBig':
    '“{name}” is {mb} MB; the largest file this page takes is {maxMb} MB. The previous image is still shown.',
  'error.svg': '“{name}” is an SVG drawing; export it as PNG first. The previous image is still shown.',
  'error.spec': 'That setting was not applied: {detail}',
  'error.imageSpec': '“{name}” was not loaded: with the current settings {detail}',
  'error.link': 'The link’s settings could not be read ({detail}); the defaults are shown instead.',
  'error.backend': 'The computation failed on {backend}: {detail}',
  'footer.sources': 'Sample images: sources and licences',
  'share.copy': 'Copy link',
  'share.copied': 'Link copied',
} as const;

export const ko: Record<keyof typeof en, string> = {
  'app.title': 'Kernelscope',
  'app.tagline': '합성곱 필터가 내 이미지에 하는 일을 실시간으로 봅니다.',
  'language.label': '언어',
  'language.en': 'English',
  'language.ko': '한국어',
  'status.backend': '백엔드: {backend}',
  'status.loading': 'tfjs 시작 중…',
  'status.fallback': '백엔드: {backend} (WebGL 사용 불가: {reason})',
  'status.forced': '백엔드: {backend} (링크에서 지정)',
  'status.frame': '업데이트당 {ms} ms',
  'image.heading': '이미지',
  'image.choose': '이미지 선택',
  'image.dropZone': '이미지 놓는 곳',
  'image.dropHint':
    '이미지를 여기에 끌어다 놓거나, 붙여넣거나(Ctrl+V), 파일을 고르세요. 이미지는 브라우저 밖으로 나가지 않습니다.',
  'image.sample': '예제 이미지',
  'image.samplesGroup.photos': '사진',
  'image.samplesGroup.fashion': 'Fashion-MNIST (28 × 28)',
  'image.loading': '{name} 불러오는 중…',
  'image.loaded': '{name} 표시 중',
  'error.dismiss': '닫기',
  'error.notImage':
    '“{name}”은(는) 이 페이지가 읽을 수 있는 이미지가 아닙니다 (PNG, JPEG, GIF, WebP, BMP). 이전 이미지가 그대로 표시됩니다.',
  'error.empty': '“{name}”은(는) 빈 파일입니다 (0바이트). 이전 이미지가 그대로 표시됩니다.',
  'error.broken':
    '“{name}”은(는) 이미지처럼 보이지만 디코딩할 수 없습니다. 파일이 손상되었을 수 있습니다. 이전 이미지가 그대로 표시됩니다.',
  'error.tooLarge':
    '“{name}”은(는) {width} × {height} 픽셀입니다. 한 변의 최대 크기는 {max} 픽셀입니다. 이전 이미지가 그대로 표시됩니다.',
  'error.fileTooBig':
    '“{name}”은(는) {mb} MB입니다. 최대 파일 크기는 {maxMb} MB입니다. 이전 이미지가 그대로 표시됩니다.',
  'error.svg': '“{name}”은(는) SVG 그림입니다. 먼저 PNG로 내보내세요. 이전 이미지가 그대로 표시됩니다.',
  'error.spec': '설정이 적용되지 않았습니다: {detail}',
  'error.imageSpec': '“{name}”을(를) 불러오지 않았습니다. 현재 설정에서는 {detail}',
  'error.link': '링크의 설정을 읽을 수 없어 ({detail}) 기본값을 표시합니다.',
  'error.backend': '{backend}에서 계산에 실패했습니다: {detail}',
  'footer.sources': '예제 이미지: 출처와 라이선스',
  'share.copy': '링크 복사',
  'share.copied': '링크를 복사했습니다',
};
