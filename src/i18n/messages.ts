/**
 * Every user-facing string, in English and Korean. Korean uses the course notes' terms:
 * 합성곱 (convolution), 필터 (filter), 특성 맵 (feature map), 스트라이드, 패딩, 풀링.
 */
import * as backend from './messages/backend.ts';
import * as base from './messages/base.ts';
import * as dense from './messages/dense.ts';
import * as inspect from './messages/inspect.ts';
import * as kernel from './messages/kernel.ts';
import * as layer from './messages/layer.ts';
import * as learn from './messages/learn.ts';
import * as lesson from './messages/lesson.ts';
import * as network from './messages/network.ts';
import * as numbers from './messages/numbers.ts';
import * as shrink from './messages/shrink.ts';
import * as slidingWindow from './messages/slidingWindow.ts';
import * as spec from './messages/spec.ts';
import * as train from './messages/train.ts';
import * as trainResults from './messages/trainResults.ts';
import * as views from './messages/views.ts';
import * as webcam from './messages/webcam.ts';

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One module per part of the page (messages/*.ts), each with both languages, merged here. */
const en = {
  ...base.en,
  ...backend.en,
  ...kernel.en,
  ...layer.en,
  ...lesson.en,
  ...network.en,
  ...numbers.en,
  ...spec.en,
  ...inspect.en,
  ...views.en,
  ...webcam.en,
  ...learn.en,
  ...train.en,
  ...trainResults.en,
  ...slidingWindow.en,
  ...shrink.en,
  ...dense.en,
};

export type MessageKey = keyof typeof en;

const ko: Record<MessageKey, string> = {
  ...base.ko,
  ...backend.ko,
  ...kernel.ko,
  ...layer.ko,
  ...lesson.ko,
  ...network.ko,
  ...numbers.ko,
  ...spec.ko,
  ...inspect.ko,
  ...views.ko,
  ...webcam.ko,
  ...learn.ko,
  ...train.ko,
  ...trainResults.ko,
  ...slidingWindow.ko,
  ...shrink.ko,
  ...dense.ko,
};

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, ko };
