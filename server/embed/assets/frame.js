/*
 * Runs in the iframe card (/embed/projects/:slug): tells the embedding page how tall
 * the card is, whenever that changes, so that the snippet's few lines of script can
 * size the iframe to it (no scrollbar, no gap). The message is a number of CSS pixels
 * and nothing else; any page may read it, as anyone may load the card.
 */
if (window.parent !== window) {
  const root = document.documentElement;
  let reported = 0;
  const report = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    window.parent.postMessage({ type: "ikz-card-height", height }, "*");
  };
  new ResizeObserver(report).observe(root);
}
