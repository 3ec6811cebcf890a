// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { bookPages } from './lib/book/chapters.ts';
import { contentSecurityPolicyIntegration } from './scripts/csp-integration.ts';
import { offlineIntegration } from './scripts/offline-integration.ts';
import { listSpacingIntegration } from './scripts/list-spacing-integration.ts';
import { siteAddress } from './lib/book/site-address.ts';

export default defineConfig({
  // Top-level content/, components/, pages/ and content.config.ts (Starlight reads ${srcDir}/content/docs).
  srcDir: '.',
  // The public address, e.g. SITE=https://book.example.edu npm run build (README, "Deploying"). Without
  // it the build has no canonical URLs and no sitemap; see lib/book/site-address.ts.
  site: siteAddress(process.env.SITE),
  trailingSlash: 'always',
  // Font files stay files: the CSP's font-src 'self' does not allow data: URLs (the Chinese font's
  // smallest unicode-range slices are under Vite's inlining limit).
  vite: { build: { assetsInlineLimit: (file) => (/\.woff2?$/.test(file) ? false : undefined) } },
  integrations: [
    // Starlight would add this itself; it is here so the Chinese 404 page (pages/zh-cn/404.astro, an
    // ordinary route to Astro) stays out of the sitemap. The i18n part is what Starlight would pass.
    sitemap({
      filter: (page) => !/\/404\/$/.test(page),
      i18n: { defaultLocale: 'root', locales: { root: 'en', 'zh-cn': 'zh-CN' } },
    }),
    starlight({
      title: { en: 'Hands-on Virtualization', 'zh-CN': '动手学虚拟化' },
      description: 'An interactive book on virtualization, from the 1960s to a working KVM host, with a real lab in every chapter.',
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      sidebar: bookPages.map((page) => ({
        slug: page.slug,
        label: page.label.en,
        translations: { 'zh-CN': page.label['zh-CN'] },
      })),
      routeMiddleware: ['./components/book/chapter-numbers.ts', './components/progress/sidebar-progress-middleware.ts'],
      customCss: ['./components/book/book.css'],
      components: { Head: './components/book/BookHead.astro' },
      lastUpdated: false,
      pagination: true,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
    }),
    react(),
    // Starlight's list spacing without its costly :has(): lists marked at build time.
    listSpacingIntegration(),
    // Before the policy, so that _headers has a Cache-Control rule for sw.js.
    offlineIntegration(),
    contentSecurityPolicyIntegration(),
  ],
});
