// The tour's pointer: a ring drawn over one element of a widget (which may sit in the widget's shadow root),
// inside the stage that holds the widgets. It follows the element as the widget redraws or the page reflows;
// it is decoration only (aria-hidden): the widget itself carries the screen-reader label.
export class Ring {
  constructor(stage) {
    this.stage = stage;
    this.box = document.createElement('div');
    this.box.className = 'tft-ring';
    this.box.setAttribute('aria-hidden', 'true');
    this.box.hidden = true;
    this.target = null;
    this.find = null;
    this._mutations = null;
    this._frame = 0;
    this._sizes = new ResizeObserver(() => this._queue());
    this._onWindow = () => this._queue();
  }

  /**
   * Draws the ring round the element `find()` returns (in the stage, or in a widget's shadow root there), found
   * again whenever `watch` (a widget) redraws, since a view may replace the element.
   */
  show(find, watch) {
    this.hide();
    this.find = find;
    this._sizes.observe(this.stage);
    if (watch?.shadowRoot) {
      this._mutations = new MutationObserver(() => this._queue());
      this._mutations.observe(watch.shadowRoot, { childList: true, subtree: true });
      for (const type of ['ready', 'change']) watch.addEventListener(type, this._onWindow);
      this._watch = watch;
    }
    if (!this.box.isConnected) this.stage.append(this.box);
    window.addEventListener('resize', this._onWindow);
    this._queue();
  }

  hide() {
    this._sizes.disconnect();
    this._mutations?.disconnect();
    this._mutations = null;
    for (const type of ['ready', 'change']) this._watch?.removeEventListener(type, this._onWindow);
    this._watch = null;
    window.removeEventListener('resize', this._onWindow);
    this.target?.removeAttribute('data-tour-highlight');
    this.target = null;
    this.find = null;
    this.box.hidden = true;
  }

  _queue() {
    if (this._frame) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      this._place();
    });
  }

  _place() {
    const t = this.find?.() ?? null;
    if (t !== this.target) {
      this.target?.removeAttribute('data-tour-highlight');
      if (this.target) this._sizes.unobserve(this.target);
      this.target = t;
      if (t) {
        this._sizes.observe(t);
        t.setAttribute('data-tour-highlight', '');
      }
    }
    if (!t?.isConnected) {
      this.box.hidden = true;
      return;
    }
    const r = t.getBoundingClientRect();
    const s = this.stage.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) {
      this.box.hidden = true;
      return;
    }
    // kept within the stage (a wide map scrolls sideways inside its widget)
    const left = Math.max(r.left, s.left) - s.left;
    const right = Math.min(r.right, s.right) - s.left;
    const pad = 4;
    Object.assign(this.box.style, {
      left: `${left - pad}px`,
      top: `${r.top - s.top - pad}px`,
      width: `${Math.max(0, right - left) + 2 * pad}px`,
      height: `${r.height + 2 * pad}px`,
    });
    this.box.hidden = false;
    // keep it appended last so it draws above the widgets
    if (this.stage.lastElementChild !== this.box) this.stage.append(this.box);
  }
}
