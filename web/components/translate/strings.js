// The translation views' strings, registered once from the locale files (web/i18n/translate.{ko,en}.js)
// before any view renders, so each view works on its own page too (e.g. embedded).
import { registerStrings } from '../../i18n/index.js';
import ko from '../../i18n/translate.ko.js';
import en from '../../i18n/translate.en.js';

registerStrings({ ko, en });
