/**
 * How an engine says something in both editions of the book without knowing which one a reader
 * sees. An engine returns a message as a code and its parameters ("alreadyDeclared", { name: 'x' });
 * the engine's catalogue holds one wording per locale for every code, and whoever shows the message
 * (an island, a CLI, a test) picks the locale:
 *
 *   export const compileErrorWordings = {
 *     alreadyDeclared: wordings(
 *       (p: { name: string }) => `${p.name} is already declared in this scope`,
 *       (p) => `${p.name} 已在此作用域中声明`,
 *     ),
 *   };
 *   export type CompileErrorMessage = MessageOf<typeof compileErrorWordings>;
 *   wordMessage(compileErrorWordings, { code: 'alreadyDeclared', params: { name: 'x' } }, 'zh-CN');
 *
 * `wordings` takes the English wording first; its parameter type is the message's parameters, and
 * the Chinese wording is checked against the same type, so neither edition can miss a code or
 * read a parameter that is not there.
 */

export const bookLocales = ['en', 'zh-CN'] as const;

/** A locale of the book, as BCP 47 tags: the same strings as `<html lang>` and Starlight's `lang`. */
export type BookLocale = (typeof bookLocales)[number];

export function isBookLocale(value: unknown): value is BookLocale {
  return typeof value === 'string' && (bookLocales as readonly string[]).includes(value);
}

/** One message's wording in every edition, each a function of the message's parameters. */
export type Wordings<P> = { readonly [L in BookLocale]: (params: P) => string };

/** The English and Chinese wordings of one message; P comes from the English one. */
export function wordings<P = void>(en: (params: P) => string, zh: (params: NoInfer<P>) => string): Wordings<P> {
  return { en, 'zh-CN': zh };
}

type AnyWordings = Wordings<any>;

/** A catalogue: every code an engine can produce, with its wordings. */
export type MessageCatalogue = { readonly [code: string]: AnyWordings };

type ParamsOf<W> = W extends Wordings<infer P> ? P : never;

/** A message from a catalogue: its code, and its parameters when the wording takes any. */
export type MessageOf<C extends MessageCatalogue> = {
  [K in keyof C & string]: [ParamsOf<C[K]>] extends [void]
    ? { readonly code: K; readonly params?: undefined }
    : { readonly code: K; readonly params: ParamsOf<C[K]> };
}[keyof C & string];

/**
 * The catalogue for a message union declared apart from its wordings, so that the module making the
 * messages need not import the catalogue: `trapFaultWordings = { … } satisfies CatalogueOf<TrapFault>`
 * (a code without parameters is declared `{ readonly code: 'x'; readonly params?: undefined }`).
 */
export type CatalogueOf<M extends { readonly code: string; readonly params?: unknown }> = {
  readonly [K in M['code']]: Wordings<Extract<M, { readonly code: K }>['params']>;
};

/** The words of a message in a locale (English when the locale is not one of the book's). */
export function wordMessage<C extends MessageCatalogue>(
  catalogue: C,
  message: MessageOf<C>,
  locale: BookLocale | string = 'en',
): string {
  const entry = catalogue[message.code];
  if (!entry) return message.code;
  const word = isBookLocale(locale) ? entry[locale] : entry.en;
  return word(message.params);
}

/** A message in every edition at once, for prose that quotes it in both (`localizedText(\`… ${m.en}\`, \`… ${m['zh-CN']}\`)`). */
export function messageText<C extends MessageCatalogue>(catalogue: C, message: MessageOf<C>): LocalizedText {
  return { en: wordMessage(catalogue, message, 'en'), 'zh-CN': wordMessage(catalogue, message, 'zh-CN') };
}

/** A piece of prose written in every edition (for text too long or too free-form for a code). */
export type LocalizedText = { readonly [L in BookLocale]: string };

/** A LocalizedText from its English and Chinese text: `localizedText('a key set twice', '同一个键设置了两次')`. */
export function localizedText(en: string, zh: string): LocalizedText {
  return { en, 'zh-CN': zh };
}

/** The text of a LocalizedText in a locale (English when the locale is not one of the book's). */
export function textIn(text: LocalizedText, locale: BookLocale | string = 'en'): string {
  return isBookLocale(locale) ? text[locale] : text.en;
}
