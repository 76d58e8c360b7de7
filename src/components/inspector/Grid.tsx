import type { ReactNode } from 'react';

export interface GridCell {
  text: string;
  /** A padded cell: hatched, with a small tag (e.g. "pad"). */
  tag?: string;
  kind?: 'pad' | 'winner';
  title?: string;
}

interface Props {
  caption: ReactNode;
  rows: number;
  cols: number;
  cell: (row: number, col: number) => GridCell;
  className?: string;
}

/** A small table of numbers (an input window, weights, products, a pool window), captioned for its name. */
export function Grid({ caption, rows, cols, cell, className }: Props) {
  return (
    <table className={className ? `ins-grid ${className}` : 'ins-grid'}>
      <caption>{caption}</caption>
      <tbody>
        {Array.from({ length: rows }, (_, r) => (
          <tr key={r}>
            {Array.from({ length: cols }, (_, c) => {
              const { text, tag, kind, title } = cell(r, c);
              return (
                <td key={c} className={kind} title={title}>
                  <span className="ins-num">{text}</span>
                  {tag && <span className="ins-tag">{tag}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
