import { describe, expect, it } from 'vitest';
import { firstPageChunks } from '../../../console/build/first-page-chunks.ts';

const HTML = '<head><script src="/boot.js"></script><script type="module" src="/assets/index.js"></script></head>';

function chunk(fileName: string, imports: string[], extra: Record<string, unknown> = {}) {
  return { type: 'chunk', fileName, imports, ...extra };
}

function transform(bundle: Record<string, unknown>, html = HTML): string {
  const hook = firstPageChunks().transformIndexHtml as {
    handler: (html: string, context: { bundle: Record<string, unknown> }) => string;
  };
  return hook.handler(html, { bundle });
}

describe('the list page chunks boot.js preloads', () => {
  const bundle = {
    'assets/index.js': chunk('assets/index.js', ['assets/client.js'], { isEntry: true }),
    'assets/client.js': chunk('assets/client.js', []),
    'assets/CaseListPage.js': chunk('assets/CaseListPage.js', ['assets/client.js', 'assets/table.js'], {
      facadeModuleId: '/repo/console/src/pages/CaseListPage.tsx',
    }),
    'assets/table.js': chunk('assets/table.js', ['assets/spin.js']),
    'assets/spin.js': chunk('assets/spin.js', []),
    'assets/Other.js': chunk('assets/Other.js', ['assets/echarts.js'], {
      facadeModuleId: '/repo/console/src/pages/Other.tsx',
    }),
    'assets/echarts.js': chunk('assets/echarts.js', []),
    'assets/index.css': { type: 'asset', fileName: 'assets/index.css' },
  };

  it('lists the page and what it imports, without what the entry loads already', () => {
    expect(transform(bundle)).toContain(
      '<script src="/boot.js" data-list-chunks="/assets/CaseListPage.js /assets/table.js /assets/spin.js"></script>',
    );
  });

  it('fails the build when the page or the boot script is gone, instead of preloading nothing', () => {
    const { ['assets/CaseListPage.js']: _page, ...withoutPage } = bundle;
    expect(() => transform(withoutPage)).toThrow(/CaseListPage/);
    expect(() => transform(bundle, '<head></head>')).toThrow(/boot\.js/);
  });
});
