// embed.html: reads ?widget=NAME and the widget's attributes from the URL, shows that widget alone and tells
// the parent page its height ({type: 'tinyformer:resize', height}) whenever it changes.
import { loadWidget, TAGS } from './embed.js';
import { showUnknownWidget } from './widgets/unknown.js';

const params = new URLSearchParams(location.search);
const name = params.get('widget') ?? '';
const tag = `tinyformer-${name}`;
const lang = params.get('lang');
if (lang === 'ko' || lang === 'en') document.documentElement.lang = lang;

let widget;
const known = TAGS.map((t) => t.replace(/^tinyformer-/, ''));
if (known.includes(name)) {
  const { spec } = await loadWidget(tag);
  widget = document.createElement(tag);
  // only the widget's own attributes (widgets.json); anything else in the URL is ignored
  const names = new Set(['lang', ...spec.attributes.map((a) => a.name)]);
  for (const [key, value] of params) if (names.has(key)) widget.setAttribute(key, value);
} else {
  widget = showUnknownWidget(name, known);
}
document.body.append(widget);

let last = -1;
const post = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'tinyformer:resize', height }, '*');
};
new ResizeObserver(post).observe(document.body);
post();
