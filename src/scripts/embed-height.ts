/**
 * Tells the page that holds this embed in an <iframe> how tall the content is,
 * so it can size the iframe without a scroll bar (snippet in docs/deploy.md).
 * Bundled as a file, never inline, so a strict Content-Security-Policy allows it.
 * The height is not secret, hence the `*` target: the embedding site is not known here.
 */
export const HEIGHT_MESSAGE = 'lectern:height';

function report(): void {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
}

if (window.parent !== window) {
  new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener('load', report);
}
