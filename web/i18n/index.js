// Locale handling: Korean first. The locale comes from ?lang=, then a saved choice, then the
// browser's preferred languages (Korean if any of them is Korean), else English.
//
// Strings live in locale files: ko.js / en.js for the page, and one pair per view under ko/ and en/
// that the view registers itself (registerStrings), so views stay self-contained and embeddable.
import ko from './ko.js';
import en from './en.js';

const DICTS = { ko: { ...ko }, en: { ...en } };
/** The page's languages. Anything else (?lang=__proto__, a stale saved value) is ignored. */
const LOCALES = ['ko', 'en'];
const known = (lang) => LOCALES.includes(lang);
const listeners = new Set();
let current = detect();

function detect() {
  const param = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  if (known(param)) return param;
  try {
    const saved = localStorage.getItem('tinyformer.lang');
    if (known(saved)) return saved;
  } catch {
    /* storage may be blocked */
  }
  const langs = globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en'];
  return langs.some((l) => String(l).toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}

/** Adds a view's strings: registerStrings({ ko: {...}, en: {...} }). Keys should be prefixed by the view. */
export function registerStrings(dicts) {
  for (const [lang, strings] of Object.entries(dicts)) if (known(lang)) Object.assign(DICTS[lang], strings);
}

export function locale() {
  return current;
}

/** Translates `key` into `lang`, filling {placeholders} from `params`. Missing keys show as the key itself. */
export function translate(lang, key, params = {}) {
  const text = DICTS[known(lang) ? lang : current][key] ?? DICTS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

/** Translates `key` into the page's language. */
export function t(key, params = {}) {
  return translate(current, key, params);
}

/**
 * The translator of a view element: its own lang attribute (a widget sets it to the widget's language) wins over
 * the page's language, so two widgets in different languages can share one page.
 */
export function viewTranslator(element) {
  return (key, params) => translate(element.getAttribute('lang') ?? current, key, params);
}

/** The message for an engine error (TinyformerError) in the current language. */
export function errorMessage(err) {
  const key = `error.${err?.code ?? 'internal'}`;
  const known = key in DICTS[current];
  return t(known ? key : 'error.internal', {
    detail: err?.detail,
    detail2: err?.detail2,
    message: err?.message ?? String(err),
  });
}

export function setLocale(lang) {
  if (!known(lang) || lang === current) return;
  current = lang;
  try {
    localStorage.setItem('tinyformer.lang', lang);
  } catch {
    /* ignore */
  }
  document.documentElement.lang = lang;
  listeners.forEach((fn) => fn(lang));
}

/** Calls fn(lang) after every language switch; returns a function that unsubscribes. */
export function onLocaleChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Fills every [data-i18n] element's text and [data-i18n-placeholder] placeholder under `root`. */
export function applyI18n(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => {
    el.title = t(el.dataset.i18nTitle);
  });
}
