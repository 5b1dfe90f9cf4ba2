// i18next with the two languages; Simplified Chinese unless the user switched (kept in localStorage).
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en, zh } from './strings.ts';

export type Language = 'zh' | 'en';
const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('lang');
export const initialLanguage: Language = stored === 'en' ? 'en' : 'zh';

void i18next.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: initialLanguage,
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});

export function setLanguage(language: Language): void {
  localStorage.setItem('lang', language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  void i18next.changeLanguage(language);
}

/**
 * t() for interface text, pick() for a [zh, en] pair of the glossary, and nameOf() for an
 * institution (its registered Chinese name, or its English one).
 */
export function useText() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh';
  const pick = (pair: readonly [string, string] | undefined, fallback = ''): string =>
    pair ? pair[language === 'zh' ? 0 : 1] : fallback;
  const nameOf = (institution: { name: string; nameZh: string } | undefined): string =>
    institution ? (language === 'zh' ? institution.nameZh : institution.name) : '';
  return { t, pick, nameOf, language };
}
