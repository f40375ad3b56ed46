// The word-vector views' strings, registered once from the locale files (web/i18n/words.{ko,en}.js) before any
// view renders, so each view also works on its own (e.g. embedded).
import { registerStrings } from '../../i18n/index.js';
import ko from '../../i18n/words.ko.js';
import en from '../../i18n/words.en.js';

registerStrings({ ko, en });
