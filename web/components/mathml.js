// A small MathML builder: formulas as mathematics (MathML Core, native in current browsers), made with
// createElementNS and textContent only, so no text is ever parsed as markup.
//
//   import { math, row, frac, sub, sup, mi, mn, mo } from './mathml.js';
//   box.append(math(row(sub(mi('p'), mi('i')), mo('='), frac(sup(mi('e'), sub(mi('z'), mi('i'))), ...))));
//
// Strings given where a node is expected become <mi> (one letter, shown italic) or <mtext> (longer text);
// numbers become <mn>, written by `format` when one is passed to num().
const NS = 'http://www.w3.org/1998/Math/MathML';

/** A node for `x`: a MathML node as is, a number as <mn>, a string as <mi> (one letter) or <mtext>. */
function node(x) {
  if (x instanceof Node) return x;
  if (typeof x === 'number') return mn(String(x));
  const s = String(x);
  return [...s].length === 1 ? mi(s) : mtext(s);
}

/** <tag> holding `children` (nodes, numbers or strings, see node()). */
export function m(tag, ...children) {
  const e = document.createElementNS(NS, tag);
  for (const c of children) if (c != null && c !== false) e.append(node(c));
  return e;
}

function token(tag, text) {
  const e = document.createElementNS(NS, tag);
  e.textContent = text;
  return e;
}
export const mi = (text) => token('mi', text);
export const mn = (text) => token('mn', text);
export const mo = (text) => token('mo', text);
export const mtext = (text) => token('mtext', text);

/** A number from the engine, written by `format` (default: as given); negative numbers get a real minus sign. */
export function num(value, format = String) {
  if (value === -Infinity) return row(mo('−'), mi('∞'));
  const s = format(value).replace(/^-/, '−');
  return mn(s);
}

/** As num(), in parentheses when negative: for a number after an operator, x − (−0.5). */
export function signed(value, format = String) {
  return value < 0 ? paren(num(value, format)) : num(value, format);
}

export const row = (...xs) => m('mrow', ...xs);
export const frac = (a, b) => m('mfrac', a, b);
export const sub = (a, b) => m('msub', a, b);
export const sup = (a, b) => m('msup', a, b);
export const subsup = (a, b, c) => m('msubsup', a, b, c);
export const sqrt = (...xs) => m('msqrt', ...xs);
/** A Latin letter in mathematical italic (an <mi> of two code points is drawn upright otherwise). */
function italic(letter) {
  const c = letter.codePointAt(0);
  if (letter === 'h') return '\u210E';
  if (c >= 65 && c <= 90) return String.fromCodePoint(0x1d434 + c - 65);
  if (c >= 97 && c <= 122) return String.fromCodePoint(0x1d44e + c - 97);
  return letter;
}
/** A letter with an accent (a combining mark, which fonts place well): hat('m') = m̂, tilde('S') = S̃. */
export const hat = (letter) => mi(`${italic(letter)}\u0302`);
export const tilde = (letter) => mi(`${italic(letter)}\u0303`);
/** ( … ) around `xs`. */
export const paren = (...xs) => row(mo('('), ...xs, mo(')'));
/** Σ with a subscript (and an optional superscript) before `body`. */
export const sum = (under, body, over) => {
  const e = over == null ? m('munder', mo('∑'), under) : m('munderover', mo('∑'), under, over);
  return row(e, body);
};
/** Several cases, one per row: [[value, condition], ...] after a brace. */
export function cases(rows) {
  const table = m('mtable');
  for (const cells of rows) {
    const tr = m('mtr');
    for (const c of cells) {
      const td = m('mtd', c);
      td.setAttribute('columnalign', 'left');
      tr.append(td);
    }
    table.append(tr);
  }
  return row(mo('{'), table);
}

/** A block <math> element holding `xs`. */
export function math(...xs) {
  const e = m('math', row(...xs));
  e.setAttribute('display', 'block');
  return e;
}

/**
 * A formula box: the formula in symbols, then (optionally) the same formula with the live numbers; each
 * a <math> element, and the box scrolls sideways on a narrow screen instead of widening the page.
 */
export function formulaBox(className, ...lines) {
  ensureStyle();
  const box = document.createElement('div');
  box.className = `math-formula ${className ?? ''}`.trim();
  for (const line of lines)
    if (line) box.append(line instanceof Element && line.localName === 'math' ? line : math(line));
  return box;
}

/** The formula boxes' styles, for the page (added once) and for a widget's shadow root. */
export const MATH_CSS = `
  .math-formula { background: #f3f3f8; border-radius: 6px; padding: 0.35rem 0.7rem; margin: 0.35rem 0; overflow-x: auto; max-width: 100%; }
  .math-formula math { font-size: 1.15rem; margin: 0.25rem 0; }
  .math-formula math + math { color: #17406d; }
  .math-formula .math-where { font-size: 0.85rem; color: #5b5b66; margin: 0.1rem 0 0.2rem; }
`;
/** Adds the formula boxes' stylesheet to the document once. */
function ensureStyle() {
  if (document.getElementById('math-formula-style')) return;
  const style = document.createElement('style');
  style.id = 'math-formula-style';
  style.textContent = MATH_CSS;
  document.head.append(style);
}
