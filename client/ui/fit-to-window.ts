/**
 * Keeping an element's height to what is left of the window below its top, as the compare view's
 * and the "What changed" view's columns do (each column scrolls on its own, so the page does not),
 * with a floor so a short window still shows some text.
 */

/** Fit `el` now and on every resize; returns the removal of the resize listener. */
export function fitToWindow(el: HTMLElement, min = 360, margin = 12): () => void {
  const fit = () => {
    const top = el.getBoundingClientRect().top + window.scrollY;
    el.style.height = `${Math.max(min, window.innerHeight - top - margin)}px`;
  };
  fit();
  window.addEventListener('resize', fit);
  return () => window.removeEventListener('resize', fit);
}
