// Display helpers shared by the views: how a token is written on an axis or a chip.

/** A token's text made visible: spaces as ␣, newlines as ↵, tabs as ⇥. */
export function visibleToken(text) {
  return text.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥') || '∅';
}

/** Axis labels "0 나", "1 는", ... for a list of tokens ({text}). */
export function tokenLabels(tokens) {
  return tokens.map((t, i) => `${i} ${visibleToken(t.text)}`);
}

/** Creates an element with a class and text content (never HTML). */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A word-piece token as a label: the word-start mark ▁ dropped, surrounding spaces trimmed (else made visible). */
export function pieceLabel(text) {
  const t = text.replace(/^▁/, '');
  return t.trim() || visibleToken(t);
}
