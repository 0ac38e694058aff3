/** Waiting for the pane's first paint, before fetching what that paint does not draw. */

/**
 * Resolves once the browser has painted the frame after this call (or a second later if it paints
 * nothing): a chunk fetched before then competes with the pane's own script and first render, and
 * makes the pane interactive later.
 */
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = (): void => void setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
    else later();
    // A pane that is not visible gets no animation frames; what it waits for must still load.
    setTimeout(resolve, 1000);
  });
}
