// One Tab stop for a group of controls (the "roving tabindex" pattern): Tab enters the group on its current
// item and leaves it at once; the arrow keys (and Home / End) move inside; Enter / Space press the item
// (native for buttons; items that are not buttons handle those keys themselves).
//
//   roving(box, 'button');   // after every render of box's items; the key handling is set up once per box
//
// The state (which item is current) lives in the items' tabIndex, so nothing is kept here.
const KEYS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity };

/** Makes the items of `group` matching `selector` one Tab stop; keeps the current item if it is still there. */
export function roving(group, selector) {
  const items = [...group.querySelectorAll(selector)];
  const current = Math.max(
    0,
    items.findIndex((item) => item.tabIndex === 0),
  );
  items.forEach((item, i) => {
    item.tabIndex = i === current ? 0 : -1;
  });
  if (group.dataset.roving) return;
  group.dataset.roving = selector;
  group.addEventListener('keydown', (e) => {
    const move = KEYS[e.key];
    if (move === undefined) return;
    const list = [...group.querySelectorAll(selector)];
    const at = list.indexOf(e.target.closest?.(selector) ?? e.target);
    if (at < 0) return;
    e.preventDefault();
    const next = Math.min(list.length - 1, Math.max(0, at + move));
    list[next].focus();
  });
  group.addEventListener('focusin', (e) => {
    const item = e.target.closest?.(selector);
    if (!item) return;
    for (const other of group.querySelectorAll(selector)) other.tabIndex = other === item ? 0 : -1;
  });
}
