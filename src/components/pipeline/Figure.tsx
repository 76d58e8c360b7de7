import type { ReactNode } from 'react';

/** Formats a tensor shape the way the captions show it: `H × W`, and `× C` when C > 1. */
export function shapeText(height: number, width: number, channels = 1): string {
  return channels > 1 ? `${height} × ${width} × ${channels}` : `${height} × ${width}`;
}

interface Props {
  title: string;
  shape: string;
  children: ReactNode;
  className?: string;
}

export function Figure({ title, shape, children, className }: Props) {
  return (
    <figure className={className ? `stage ${className}` : 'stage'}>
      {children}
      <figcaption>
        <span className="stage-title">{title}</span> <span className="shape">{shape}</span>
      </figcaption>
    </figure>
  );
}
