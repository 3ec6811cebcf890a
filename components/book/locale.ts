/**
 * How an island learns which edition of the book it sits in, and picks its strings.
 *
 * The book has two editions: English at /<slug>/ and 简体中文 at /zh-cn/<slug>/. An island's
 * .astro wrapper reads the locale from the page's URL on the server and passes it as a prop:
 *
 *   ---
 *   import { localeOfPath } from '../book/locale.ts';
 *   const locale = localeOfPath(Astro.url.pathname);
 *   ---
 *   <MyLab client:visible locale={locale} />
 *
 * and the island picks its catalogue with `pickMessages({ en, 'zh-CN': zh }, locale)`. The prop
 * is serialised into the page, so the server render and the hydrated island agree (no flash of
 * English). An island rendered without a wrapper can call `localeOfDocument()` inside an effect.
 */

import { isBookLocale, type BookLocale } from '../../lib/book/localized-text.ts';

export { bookLocales, isBookLocale, type BookLocale } from '../../lib/book/localized-text.ts';

/** The URL prefix of each edition ('' for English, which is the root locale). */
export const localePrefixes: Record<BookLocale, '' | '/zh-cn'> = { en: '', 'zh-CN': '/zh-cn' };

/** The edition a URL path belongs to: '/zh-cn/p-code/' is 'zh-CN', '/p-code/' and '/' are 'en'. */
export function localeOfPath(pathname: string): BookLocale {
  return /^\/zh-cn(\/|$)/i.test(pathname) ? 'zh-CN' : 'en';
}

/** The book locale of a language tag such as `<html lang>`: any Chinese tag is 'zh-CN', anything else 'en'. */
export function localeOfLang(lang: string | null | undefined): BookLocale {
  return lang && /^zh(-|$)/i.test(lang) ? 'zh-CN' : 'en';
}

/** The locale of the page in the browser (call it in an effect, never during a server render). */
export function localeOfDocument(): BookLocale {
  return typeof document === 'undefined' ? 'en' : localeOfLang(document.documentElement.lang);
}

/** The address of a book page in an edition: `bookHref('zh-CN', 'p-code')` is '/zh-cn/p-code/'. */
export function bookHref(locale: BookLocale, slug: string): string {
  const path = slug.replace(/^\/+|\/+$/g, '');
  return path === '' ? `${localePrefixes[locale]}/` : `${localePrefixes[locale]}/${path}/`;
}

/** One message catalogue per locale; English is required and is the fallback. */
export type MessageCatalogues<M> = { readonly en: M } & { readonly [L in BookLocale]?: M };

/**
 * The catalogue for a locale: `pickMessages({ en, 'zh-CN': zh }, locale)`. A locale without a
 * catalogue (or an unknown value from a prop) gets English, so an island never renders undefined.
 */
export function pickMessages<M>(catalogues: MessageCatalogues<M>, locale: BookLocale | string | undefined): M {
  return (isBookLocale(locale) ? catalogues[locale] : undefined) ?? catalogues.en;
}
