// Optional, for the page that holds tinyformer iframes (embed.html?widget=…): keeps each iframe as tall as
// its widget. <script src="https://…/embed-resize.js"></script> anywhere on the page; nothing else to do.
// The iframe posts {type: 'tinyformer:resize', height}; only a message from one of this page's iframes
// resizes that iframe.
(() => {
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'tinyformer:resize' || !Number.isFinite(data.height)) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source)
        frame.style.height = `${Math.ceil(Math.max(40, Math.min(data.height, 5000)))}px`;
    }
  });
})();
