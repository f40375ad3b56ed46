// Colour scales that colour-blind learners can read: a blue–white–orange diverging scale for signed
// values (blue/orange stay distinct under protanopia, deuteranopia and tritanopia) and a viridis-like
// sequential scale for values in [0, 1] such as probabilities.
const DIVERGING = [
  [33, 102, 172],
  [146, 197, 222],
  [247, 247, 247],
  [244, 165, 130],
  [179, 88, 6],
];
const SEQUENTIAL = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

function interpolate(stops, t) {
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i],
    b = stops[i + 1];
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f));
}

/** Colour for `value` on a diverging scale centred on 0 with |value| <= `limit` at the ends. */
export function divergingColor(value, limit) {
  const rgb = interpolate(DIVERGING, limit > 0 ? 0.5 + value / (2 * limit) : 0.5);
  return `rgb(${rgb[0]},${rgb[1]},${rgb[2]})`;
}

/** Colour for `value` in [min, max] on the sequential scale. */
export function sequentialColor(value, min, max) {
  const rgb = interpolate(SEQUENTIAL, max > min ? (value - min) / (max - min) : 0);
  return `rgb(${rgb[0]},${rgb[1]},${rgb[2]})`;
}

/** Black or white, whichever reads better on the colour of `value`. */
export function textColorOn(rgbString) {
  const [r, g, b] = rgbString.match(/\d+/g).map(Number);
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#111' : '#fff';
}
