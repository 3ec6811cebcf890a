import type { ReactNode } from 'react';

interface ScrollingTableProps {
  /** The class of the region around the table (the lab's stylesheet lets it scroll sideways). */
  regionClassName: string;
  tableClassName?: string;
  testId?: string;
  /** Names both the table and the region, so a screen reader announces what the region scrolls. */
  caption: string;
  captionClassName?: string;
  /** The header row's cells, each a column header; without them the table has no header row. */
  columns?: readonly ReactNode[];
  /** The table's bodies. */
  children: ReactNode;
}

/**
 * A lab's table in a region that a narrow screen scrolls sideways: the region takes the keyboard
 * focus (so the keyboard can scroll it) and carries the caption as its name.
 */
export function ScrollingTable({ regionClassName, tableClassName, testId, caption, captionClassName, columns, children }: ScrollingTableProps) {
  return (
    <div className={regionClassName} tabIndex={0} role="region" aria-label={caption}>
      <table className={tableClassName} data-testid={testId}>
        <caption className={captionClassName}>{caption}</caption>
        {columns && (
          <thead>
            <tr>
              {columns.map((column, i) => (
                <th scope="col" key={i}>{column}</th>
              ))}
            </tr>
          </thead>
        )}
        {children}
      </table>
    </div>
  );
}
