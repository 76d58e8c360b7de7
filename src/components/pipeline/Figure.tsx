import type { ReactNode } from 'react';
import type { FocusTarget } from '../focus/focusState.ts';
import { FigureActions } from './FigureActions.tsx';

/** Formats a tensor shape the way the captions show it: `H × W`, and `× C` when C > 1. */
export function shapeText(height: number, width: number, channels = 1): string {
  return channels > 1 ? `${height} × ${width} × ${channels}` : `${height} × ${width}`;
}

interface Props {
  title: string;
  shape: string;
  children: ReactNode;
  className?: string;
  /** Offer PNG / .npy downloads of the engine canvas with this key, named `exportName`. */
  exportKey?: string;
  exportName?: string;
  /** Drawn under the caption (a legend). */
  footer?: ReactNode;
  /** Offer an "Enlarge" button opening this figure in the focus view. */
  focus?: FocusTarget;
}

export function Figure({ title, shape, children, className, exportKey, exportName, footer, focus }: Props) {
  return (
    <figure className={className ? `stage ${className}` : 'stage'}>
      {children}
      <figcaption>
        <span className="stage-title">{title}</span> <span className="shape">{shape}</span>
        {exportKey && <FigureActions canvasKey={exportKey} name={exportName ?? title} focus={focus} />}
      </figcaption>
      {footer}
    </figure>
  );
}
