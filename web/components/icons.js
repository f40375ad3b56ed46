// Control icons drawn as inline SVG, never as a font glyph (⏸ ▶ ↺ may be missing from the learner's fonts and
// show as an empty box). A 16×16 box, filled with the text colour.
//   button.replaceChildren(icon('pause'), document.createTextNode(' 잠시 멈춤'));
const SVG = 'http://www.w3.org/2000/svg';
const ICONS = {
  play: 'M4 2.5v11l9.5-5.5z',
  pause: 'M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z',
  reset: 'M8 2.5a5.5 5.5 0 1 1-5.2 3.7l1.9.6A3.5 3.5 0 1 0 8 4.5v2L4.5 3.5 8 0.5z',
};

/** An <svg> of the named icon (play, pause, reset), hidden from screen readers (the button's text names it). */
export function icon(name) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('tr-icon');
  svg.dataset.icon = name;
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

/** A button's content: the icon, then its label. */
export function iconLabel(button, name, text) {
  button.replaceChildren(icon(name), document.createTextNode(` ${text}`));
}
