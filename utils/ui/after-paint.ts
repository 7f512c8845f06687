/**
 * Runs `run` once the next frame has been drawn (a task after that frame's callbacks), or after
 * `latest` ms, as a hidden page draws no frames. Returns a cancel. For work a page wants soon but
 * not before what it is drawing now (the popup's facet counts and storage figures after its list):
 * on a busy machine the two would share the CPU.
 */
export function afterPaint(run: () => void, latest = 100): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(once, 0)));
  const fallback = setTimeout(once, latest);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
}
