/** Layer settings: channels, stride, dilation, padding, activation, pooling. */
export const en = {
  'layer.heading': 'Layer',
  'layer.stride': 'Stride',
  'layer.padding': 'Padding',
  'layer.valid': 'Valid',
  'layer.same': 'Same',
  'layer.validHint': 'no padding: the map shrinks',
  'layer.sameHint': 'zeros around the edge: the map keeps its size (at stride 1)',
  'layer.poolSize': 'Pool size',
  'layer.poolHint': 'window n × n, stride n',
} as const;

export const ko: Record<keyof typeof en, string> = {
  'layer.heading': '층 (layer)',
  'layer.stride': '스트라이드',
  'layer.padding': '패딩',
  'layer.valid': 'Valid',
  'layer.same': 'Same',
  'layer.validHint': '패딩 없음: 특성 맵이 작아집니다',
  'layer.sameHint': '가장자리를 0으로 채움: 크기 유지 (스트라이드 1일 때)',
  'layer.poolSize': '풀링 크기',
  'layer.poolHint': 'n × n 윈도우, 스트라이드 n',
};
