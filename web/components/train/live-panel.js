// LivePanel: the base of the training page's panels that refresh while a run trains (look inside,
// teacher-forcing drift, optimizer lens). It follows one session's 'periodic' and 'state' events,
// knows whether it is on screen (no refresh work while scrolled away), and rebuilds on a language
// switch. Subclasses implement _build() and onPeriodic() / onState(event).
import { onLocaleChange } from '../../i18n/index.js';

export class LivePanel extends HTMLElement {
  constructor() {
    super();
    this._tf = null;
    this._session = null;
    this._auto = true;
    this._visible = true;
    this._onPeriodic = () => {
      if (this._auto && this._visible) this.onPeriodic();
    };
    this._onState = (e) => this.onState(e);
  }

  set tinyformer(engine) {
    this._tf = engine;
  }

  /** Follows `s` (a training session, or null) instead of the previous one. */
  follow(s) {
    this._session?.removeEventListener('periodic', this._onPeriodic);
    this._session?.removeEventListener('state', this._onState);
    this._session = s;
    s?.addEventListener('periodic', this._onPeriodic);
    s?.addEventListener('state', this._onState);
  }

  onPeriodic() {}
  onState() {}
  _build() {}

  connectedCallback() {
    this._off = onLocaleChange(() => this._build());
    this._io = new IntersectionObserver((entries) => {
      this._visible = entries.some((e) => e.isIntersecting);
    });
    this._io.observe(this);
    this._build();
  }
  disconnectedCallback() {
    this._off?.();
    this._io?.disconnect();
  }
}
