import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

export type Locale = 'zh-CN' | 'en-US';
type Messages = Record<string, unknown>;

// Each module's texts live in locales/<locale>/<noun>.ts (default export), keyed by file name:
// t('staff.employee') reads locales/zh-CN/staff.ts → employee. New modules add files, never edit a shared one.
const zhFiles = import.meta.glob<{ default: Messages }>('./locales/zh-CN/*.ts', { eager: true });
const enFiles = import.meta.glob<{ default: Messages }>('./locales/en-US/*.ts', { eager: true });

function collect(files: Record<string, { default: Messages }>): Messages {
  const out: Messages = {};
  for (const [path, mod] of Object.entries(files)) {
    const name = path.split('/').pop()!.replace(/\.ts$/, '');
    out[name] = mod.default;
  }
  return out;
}
const catalogs: Record<Locale, Messages> = { 'zh-CN': collect(zhFiles), 'en-US': collect(enFiles) };

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (node && typeof node === 'object' && part in (node as Messages)) node = (node as Messages)[part];
    else return undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

interface I18nValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  /** The name of an audit action: `common.audit.<action>`, else any module's `auditActions.<action>`, else the code */
  auditAction(action: string): string;
  /** The name of a field in the history: `common.audit.fields.<key>`, else any module's `auditFields.<key>`, else null */
  auditField(key: string): string | null;
}

const I18nContext = createContext<I18nValue | null>(null);

const STORAGE_KEY = 'propdesk.locale';

export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en-US' ? 'en-US' : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const t = useCallback<Translate>(
    (key, params) => {
      const text = lookup(catalogs[locale], key) ?? lookup(catalogs['zh-CN'], key) ?? key;
      return params
        ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m))
        : text;
    },
    [locale],
  );
  const auditAction = useCallback(
    (action: string) => {
      for (const messages of [catalogs[locale], catalogs['zh-CN']]) {
        const common = lookup(messages, `common.audit.${action}`);
        if (common) return common;
        for (const ns of Object.keys(messages)) {
          const found = lookup(messages, `${ns}.auditActions.${action}`);
          if (found) return found;
        }
      }
      return action;
    },
    [locale],
  );
  const auditField = useCallback(
    (key: string) => {
      for (const messages of [catalogs[locale], catalogs['zh-CN']]) {
        const common = lookup(messages, `common.audit.fields.${key}`);
        if (common) return common;
        for (const ns of Object.keys(messages)) {
          const found = lookup(messages, `${ns}.auditFields.${key}`);
          if (found) return found;
        }
      }
      return null;
    },
    [locale],
  );
  const value = useMemo(
    () => ({ locale, setLocale, t, auditAction, auditField }),
    [locale, setLocale, t, auditAction, auditField],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
