import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';

export interface MenuEntry {
  key: string;
  /** The item's first line (its accessible name starts with it). */
  label: string;
  /** A second, quieter line, also part of the accessible name (it is visible text). */
  detail?: string;
  /** Makes the item a link (copyable, opens in a new tab with a modifier key). */
  href?: string;
  onSelect: () => void;
}

interface Props {
  /** The button's text and the menu's name. */
  label: string;
  /** Shown as the button's title (a tooltip). */
  hint?: string;
  entries: readonly MenuEntry[];
  className?: string;
  children?: ReactNode;
}

/**
 * A button that opens a menu (WAI-ARIA menu button): Enter, Space or ↓ open it on the first item, ↑ on the
 * last; ↑ ↓ Home End move; Enter chooses; Escape closes and returns to the button; Tab or a click
 * elsewhere closes it.
 */
export function MenuButton({ label, hint, entries, className }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLElement | null)[]>([]);

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const openAt = (index: number) => {
    setActive((index + entries.length) % entries.length);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const choose = (entry: MenuEntry) => {
    close(true);
    entry.onSelect();
  };

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openAt(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(entries.length - 1);
    }
  };
  const onMenuKey = (event: KeyboardEvent<HTMLElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: entries.length - 1,
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      setActive((to + entries.length) % entries.length);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };
  const onItemClick = (event: MouseEvent<HTMLElement>, entry: MenuEntry) => {
    // A link opened in a new tab or window with a modifier key is the browser's business.
    if (entry.href && (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0)) return;
    event.preventDefault();
    choose(entry);
  };
  const onItemKey = (event: KeyboardEvent<HTMLElement>, entry: MenuEntry) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose(entry);
    }
  };

  return (
    <div className={className ? `menu-button ${className}` : 'menu-button'} ref={root}>
      <button
        ref={button}
        type="button"
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        title={hint}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      <ul
        id={`${id}-menu`}
        role="menu"
        aria-label={label}
        className="menu"
        hidden={!open}
        onKeyDown={onMenuKey}
      >
        {entries.map((entry, i) => {
          const common = {
            ref: (el: HTMLElement | null) => {
              items.current[i] = el;
            },
            role: 'menuitem',
            tabIndex: -1,
            className: 'menu-item',
            onKeyDown: (e: KeyboardEvent<HTMLElement>) => onItemKey(e, entry),
            onMouseMove: () => {
              if (active !== i) setActive(i);
            },
          } as const;
          const content = (
            <>
              <span className="menu-item-label">{entry.label}</span>
              {entry.detail && (
                <>
                  {' '}
                  <span className="menu-item-detail">{entry.detail}</span>
                </>
              )}
            </>
          );
          return (
            <li key={entry.key} role="none">
              {entry.href ? (
                <a {...common} href={entry.href} onClick={(e) => onItemClick(e, entry)}>
                  {content}
                </a>
              ) : (
                <button {...common} type="button" onClick={(e) => onItemClick(e, entry)}>
                  {content}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
