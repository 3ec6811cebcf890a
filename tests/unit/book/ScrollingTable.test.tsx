import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ScrollingTable } from '../../../components/book/ScrollingTable.tsx';

describe('ScrollingTable, the frame of the labs’ tables', () => {
  it('puts the table in a focusable region named by the caption, with a column header per column', () => {
    const html = renderToStaticMarkup(
      <ScrollingTable regionClassName="lab-scroll" tableClassName="lab-table" testId="lab-results" caption="Results" captionClassName="sr-only" columns={['Channel', 'Bytes']}>
        <tbody><tr><td>uart</td><td>1</td></tr></tbody>
      </ScrollingTable>,
    );
    expect(html).toBe(
      '<div class="lab-scroll" tabindex="0" role="region" aria-label="Results"><table class="lab-table" data-testid="lab-results">' +
        '<caption class="sr-only">Results</caption><thead><tr><th scope="col">Channel</th><th scope="col">Bytes</th></tr></thead>' +
        '<tbody><tr><td>uart</td><td>1</td></tr></tbody></table></div>',
    );
  });

  it('has no header row without columns, and no class or test id it was not given', () => {
    const html = renderToStaticMarkup(
      <ScrollingTable regionClassName="lab-scroll" caption="Ring">
        <tbody><tr><th scope="row">idx</th><td>0</td></tr></tbody>
      </ScrollingTable>,
    );
    expect(html).toBe(
      '<div class="lab-scroll" tabindex="0" role="region" aria-label="Ring"><table><caption>Ring</caption>' +
        '<tbody><tr><th scope="row">idx</th><td>0</td></tr></tbody></table></div>',
    );
  });
});
