export type Locale = 'zh-CN' | 'en-US';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A text in both languages of the interface: Chinese first. */
export interface Text {
  'zh-CN': string;
  'en-US': string;
}

/** Picks the locale from a user setting, else the Accept-Language header, else Chinese. */
export function resolveLocale(
  userLocale: string | null | undefined,
  acceptLanguage: string | undefined,
): Locale {
  if (userLocale === 'zh-CN' || userLocale === 'en-US') return userLocale;
  if (acceptLanguage) {
    for (const part of acceptLanguage.split(',')) {
      const tag = part.split(';')[0].trim().toLowerCase();
      if (tag.startsWith('zh')) return 'zh-CN';
      if (tag.startsWith('en')) return 'en-US';
    }
  }
  return DEFAULT_LOCALE;
}

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in params ? String(params[key]) : m));
}
