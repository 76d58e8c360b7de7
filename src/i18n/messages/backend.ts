/** The backend's decision, work too big for the machine, a long computation, and healing after a failure. */
export const en = {
  'status.measuredSoftware':
    'Backend: {backend}. WebGL here is software rendering ({renderer}), used only when at least 1.5× faster than {backend} in every sample, and it was not ({detail})',
  'status.measuredMargin':
    'Backend: webgl. WebGL here is software rendering ({renderer}), yet it was at least 1.5× faster than {rival} in every sample ({detail})',
  'status.measuredOnly': 'Backend: {backend}, the only one that started ({detail})',
  'error.healed':
    'The computation failed on {backend} ({detail}). The {backend} backend was restarted and the last settings that worked are shown again.',
  'error.tooBig':
    'Not computed: this layer would hold about {size} of tensors on this {width} × {height} image, more than this page allows ({limit}). It fits with {filters} filters or fewer, or on an image of at most {fitWidth} × {fitHeight}. The last settings that worked are shown.',
  'error.tooBigImage':
    'Not computed: this layer would hold about {size} of tensors on this {width} × {height} image, more than this page allows ({limit}). It fits on an image of at most {fitWidth} × {fitHeight}. The last settings that worked are shown.',
  'long.label': 'This layer takes about {seconds} s here; the page keeps answering.',
  'long.cancel': 'Cancel computation',
} as const;

export const ko: Record<keyof typeof en, string> = {
  'status.measuredSoftware':
    '백엔드: {backend}. 이 기기의 WebGL은 소프트웨어 렌더링({renderer})이라 모든 측정에서 {backend}보다 1.5배 이상 빠를 때만 쓰는데, 그렇지 않았습니다 ({detail})',
  'status.measuredMargin':
    '백엔드: webgl. 이 기기의 WebGL은 소프트웨어 렌더링({renderer})이지만 모든 측정에서 {rival}보다 1.5배 이상 빨랐습니다 ({detail})',
  'status.measuredOnly': '백엔드: {backend}, 시작된 유일한 백엔드 ({detail})',
  'error.healed':
    '{backend}에서 계산에 실패했습니다 ({detail}). {backend} 백엔드를 다시 시작했고, 마지막으로 계산된 설정을 다시 보여 줍니다.',
  'error.tooBig':
    '계산하지 않았습니다: 이 {width} × {height} 이미지에서 이 층은 텐서 약 {size}가 필요해 이 페이지의 한도({limit})를 넘습니다. 필터 {filters}개 이하이거나, 이미지가 최대 {fitWidth} × {fitHeight}이면 됩니다. 마지막으로 계산된 설정을 보여 줍니다.',
  'error.tooBigImage':
    '계산하지 않았습니다: 이 {width} × {height} 이미지에서 이 층은 텐서 약 {size}가 필요해 이 페이지의 한도({limit})를 넘습니다. 이미지가 최대 {fitWidth} × {fitHeight}이면 됩니다. 마지막으로 계산된 설정을 보여 줍니다.',
  'long.label': '이 층은 여기서 약 {seconds}초 걸립니다. 그동안에도 페이지는 반응합니다.',
  'long.cancel': '계산 취소',
};
