// tour.html: hosts <tinyformer-tour> with the page's language (?lang=, a saved choice, the browser's), a URL per
// chapter (#tour=attention; &minimal hides what the chapter does not need) and the place the learner left off
// (local storage, which may be blocked: then the tour simply starts at the first chapter).
import { applyI18n, locale, onLocaleChange, registerStrings, setLocale, t } from './i18n/index.js';
import ko from './i18n/tour.ko.js';
import en from './i18n/tour.en.js';
import { TinyformerTour } from './tour/tinyformer-tour.js';
import { engine } from './widgets/store.js';

registerStrings({ ko, en });

const SAVED = 'tinyformer.tour.chapter';
const tour = document.getElementById('tour');
const message = document.getElementById('tour-message');

/** The hash's settings: #tour=ID and an optional minimal flag (&minimal or &minimal=1). */
function fromHash() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  return { chapter: params.get('tour'), minimal: params.has('minimal') && params.get('minimal') !== '0' };
}

function saved() {
  try {
    return localStorage.getItem(SAVED);
  } catch {
    return null;
  }
}

function save(id) {
  try {
    localStorage.setItem(SAVED, id);
  } catch {
    /* storage may be blocked */
  }
}

/** Writes the chapter into the URL (keeping &minimal) without adding a history entry per chapter. */
function writeHash(id, minimal) {
  const hash = `#tour=${id}${minimal ? '&minimal' : ''}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

/** Shows the chapter the URL names (else the saved one, else the first). */
function open({ focus }) {
  const { chapter, minimal } = fromHash();
  const ids = TinyformerTour.chapters;
  message.hidden = true;
  let id = chapter;
  if (id !== null && !ids.includes(id)) {
    message.textContent = t('tour.unknownChapter', { chapter: id });
    message.hidden = false;
    id = ids[0];
  }
  id ??= ids.includes(saved()) ? saved() : ids[0];
  tour.toggleAttribute('minimal', minimal);
  tour.setAttribute('chapter', id);
  writeHash(id, minimal);
  save(id);
  if (focus) tour.focusHeading();
}

function relabel() {
  document.documentElement.lang = locale();
  tour.setAttribute('lang', locale());
  applyI18n();
  document.title = t('tour.page.title');
}

tour.addEventListener('chapter', (e) => {
  writeHash(e.detail.id, tour.hasAttribute('minimal'));
  save(e.detail.id);
});
// ← / → also when nothing has focus (the tour handles them itself while focus is inside it)
document.addEventListener('keydown', (e) => {
  if (e.target !== document.body || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  if (e.key === 'ArrowRight') {
    e.preventDefault();
    tour.next();
  }
  if (e.key === 'ArrowLeft') {
    e.preventDefault();
    tour.prev();
  }
});
window.addEventListener('hashchange', () => open({ focus: true }));
document.getElementById('lang-toggle').addEventListener('click', () => setLocale(locale() === 'ko' ? 'en' : 'ko'));
onLocaleChange(relabel);
relabel();
open({ focus: true });
engine().then(
  () => {
    document.body.dataset.engine = 'ready';
  },
  () => {
    document.body.dataset.engine = 'failed';
  },
);
