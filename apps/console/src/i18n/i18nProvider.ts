import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { en } from './en';
import zhCN from './zh-CN';

export const DEFAULT_LOCALE = 'zh-CN';

export const englishWithApp: TranslationMessages = { ...englishMessages, ...en };

const messages: Record<string, TranslationMessages> = {
  'zh-CN': zhCN,
  en: englishWithApp,
};

// The chosen locale is persisted by react-admin's store (localStorage) and restored at start.
export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale] ?? messages[DEFAULT_LOCALE],
  DEFAULT_LOCALE,
  [
    { locale: 'zh-CN', name: '简体中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
