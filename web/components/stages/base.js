// StageView: the base of every pipeline stage view. It keeps the `state` the page hands it
// ({ data, text, layer, tokens, labels, whatif, trained, memory }; `data` is what the stage's controller got from
// the engine, web/controllers/stage-*.js), re-renders when the state or the language changes, and gives
// subclasses small helpers. Views render into their own light DOM so the page's styles (cards, hints, formulas)
// apply. They never call the engine: when the learner changes something that needs new numbers, the view writes
// it into `memory` and calls requestData(); the page runs the controller again and sets a new state.
import { onLocaleChange, t } from '../../i18n/index.js';
import { el } from '../labels.js';
import '../tf-tensor-view.js';

export class StageView extends HTMLElement {
  constructor() {
    super();
    this._state = null;
  }
  set state(s) {
    this._state = s;
    if (this.isConnected) this.render();
  }
  get state() {
    return this._state;
  }
  connectedCallback() {
    this._unsubscribe = onLocaleChange(() => this._state && this.render());
    if (this._state) this.render();
  }
  disconnectedCallback() {
    this._unsubscribe?.();
  }

  /**
   * What the view remembers across re-renders and stage switches (the picked token, a toggle): the page's store
   * for this kind of view (state.memory), else the view's own, filled with the class's `static memoryDefaults`.
   * Never module-level, so two views on one page keep their own.
   */
  get memory() {
    const store = this._state?.memory ?? (this._ownMemory ??= {});
    if (this._filledMemory !== store) {
      // once per store, not at every read (a render reads it dozens of times)
      for (const [key, value] of Object.entries(this.constructor.memoryDefaults ?? {})) {
        if (!(key in store)) store[key] = structuredClone(value);
      }
      this._filledMemory = store;
    }
    return store;
  }

  /** The engine's numbers for this view: its controller's data (plain values). */
  get data() {
    return this._state?.data;
  }
  /** Asks the page for new data after the learner changed something in `memory` the numbers depend on. */
  requestData() {
    this.dispatchEvent(new CustomEvent('stage-request', { bubbles: true }));
  }

  /** Subclasses draw this._state into the element. */
  render() {}

  /** A <tf-tensor-view> showing `panels` (see tf-tensor-view.js). */
  tensorView(panels) {
    const view = document.createElement('tf-tensor-view');
    view.show(panels);
    return view;
  }
  /** A paragraph of explanation text from a locale key. */
  explain(key, params) {
    return el('p', 'explain', t(key, params));
  }
  /** The model's width labels "0".."C-1". */
  dims(n) {
    return Array.from({ length: n }, (_, i) => String(i));
  }
}
