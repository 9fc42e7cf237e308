import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'da';
/** localStorage key of the chosen language: a preference, never anything secret. */
export const LANGUAGE_STORAGE_KEY = 'mentor.lang';

export type TranslationParams = Readonly<Record<string, string | number>>;
interface Dictionary {
  [key: string]: string | Dictionary;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Small signal-based translation service: loads `/i18n/<lang>.json` (nested keys,
 * `{{param}}` placeholders) and re-renders every reader when the language changes.
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);
  private readonly dictionaries = new Map<Language, Dictionary>();
  private readonly dictionary = signal<Dictionary>({});
  private readonly language = signal<Language>(DEFAULT_LANGUAGE);

  /** The active language. */
  readonly lang = this.language.asReadonly();
  /** Locale id for Angular's formatters (dates, numbers). */
  readonly locale = computed(() => (this.language() === 'da' ? 'da' : 'en'));
  /** The language a switch would change to. */
  readonly otherLang = computed<Language>(() => (this.language() === 'da' ? 'en' : 'da'));

  /** Loads the remembered (or default) language; run before the first render. */
  async init(): Promise<void> {
    const stored = this.readStoredLanguage();
    for (const lang of new Set([stored ?? DEFAULT_LANGUAGE, DEFAULT_LANGUAGE])) {
      try {
        await this.use(lang, { remember: false });
        return;
      } catch {
        // try the default language next; without any file the keys show, which beats a blank page
      }
    }
  }

  /** Switches language, loading its file on first use, and remembers the choice. */
  async use(lang: Language, options: { remember?: boolean } = {}): Promise<void> {
    let dictionary = this.dictionaries.get(lang);
    if (!dictionary) {
      dictionary = await firstValueFrom(this.http.get<Dictionary>(`/i18n/${lang}.json`));
      this.dictionaries.set(lang, dictionary);
    }
    this.dictionary.set(dictionary);
    this.language.set(lang);
    this.document.documentElement.lang = lang;
    if (options.remember ?? true) this.storeLanguage(lang);
  }

  /** Translates a dotted key; returns the key itself when it is missing, so gaps are visible. */
  t(key: string, params?: TranslationParams): string {
    const value = lookup(this.dictionary(), key);
    if (typeof value !== 'string') return key;
    return params ? interpolate(value, params) : value;
  }

  private readStoredLanguage(): Language | null {
    try {
      const value = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isLanguage(value) ? value : null;
    } catch {
      return null; // storage disabled: fall back to the default
    }
  }

  private storeLanguage(lang: Language): void {
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      // storage disabled: the choice lasts for this visit only
    }
  }
}

function lookup(dictionary: Dictionary, key: string): string | Dictionary | undefined {
  let node: string | Dictionary | undefined = dictionary;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

function interpolate(text: string, params: TranslationParams): string {
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
  );
}
