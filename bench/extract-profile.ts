/**
 * BENCH_PROFILE=1 for extract-chromium: where extractArticle's time goes on the pages that decide the
 * per-page p95. A CPU profile (Chrome DevTools Protocol) of repeated extractions, each sample charged
 * to the step explainArticle was in (findBody, collectLines, sanitizeHtml…): the bundle is not
 * minified, so its functions keep their names. Sampling adds overhead: read shares, not times.
 * BENCH_PROFILE_SELF=1 also prints each page's functions by their own time (appendChild, the
 * garbage collector, Readability's and DOMPurify's functions): where a fixed cost hides.
 * BENCH_PROFILE_CALLERS=querySelectorAll prints who spends that function's self time, by call chain.
 * BENCH_PROFILE_COLD=1 profiles only the first extraction in each page's fresh world: one click's cost,
 * where code not yet optimised and regular expressions compiled on first use weigh.
 * printSelfTime summarises any such profile (archive-io-chromium's BENCH_CPU_PROFILE).
 */
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url?: string };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * The function whose direct steps are charged: explainArticle, or the one named by BENCH_PROFILE_IN
 * (BENCH_PROFILE_IN=findBody splits findBody's time into readableCopy, Readability's parse…).
 */
const anchor = process.env.BENCH_PROFILE_IN || 'explainArticle';

/** Microseconds per step under the anchor function, added into `into`. */
function chargeSteps(profile: Profile, into: Map<string, number>): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    // climb to the anchor, remembering the frame just below it
    let step = `(${anchor} itself)`;
    for (let node = byId.get(id); node; node = byId.get(parent.get(node.id) ?? -1)) {
      if (node.callFrame.functionName === anchor) {
        into.set(step, (into.get(step) ?? 0) + us);
        return;
      }
      step = node.callFrame.functionName || '(anonymous)';
    }
  });
}

/** Profiles `runs` extractions of each page (opened first, warmed up once) and prints each step's share. */
export async function printProfile(
  cdp: CDPSession,
  pages: Array<{
    name: string;
    open: () => Promise<number>;
    run: (world: number, runs: number) => Promise<unknown>;
  }>,
  runs: number,
): Promise<void> {
  const steps = new Map<string, number>();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  // BENCH_PROFILE_COLD=1: the first extraction in each page's fresh world (one click), not warm ones
  const cold = !!process.env.BENCH_PROFILE_COLD;
  for (const page of pages) {
    const world = await page.open();
    if (!cold) await page.run(world, 1); // compiled before the profiler starts
    await cdp.send('Profiler.start');
    await page.run(world, cold ? 1 : runs);
    const { profile } = await cdp.send('Profiler.stop');
    chargeSteps(profile as unknown as Profile, steps);
    if (process.env.BENCH_PROFILE_SELF) {
      console.log(`self time on ${page.name} (${runs} runs):`);
      printSelfTime(profile as unknown as Profile, 40);
    }
    const callee = process.env.BENCH_PROFILE_CALLERS;
    if (callee) {
      console.log(`who calls ${callee} on ${page.name} (${runs} runs):`);
      printCallers(profile as unknown as Profile, callee);
    }
  }
  await cdp.send('Profiler.disable');
  const total = [...steps.values()].reduce((a, b) => a + b, 0);
  console.log(
    `where ${anchor}'s time goes on ${pages.map((p) => p.name).join(', ')} (${cold ? 'the first run' : `${runs} runs`} each, CPU profile):`,
  );
  for (const [step, us] of [...steps].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(
      `  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000 / (cold ? 1 : runs) / pages.length).toFixed(2).padStart(6)} ms  ${step}`,
    );
}

/** The self time of function `callee`, by the chain of named functions that called it. */
function printCallers(profile: Profile, callee: string): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const by = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (byId.get(id)?.callFrame.functionName !== callee) return;
    const chain: string[] = [];
    for (
      let node = byId.get(parent.get(id) ?? -1);
      node && chain.length < 3;
      node = byId.get(parent.get(node.id) ?? -1)
    )
      if (node.callFrame.functionName) chain.push(node.callFrame.functionName);
    const key = chain.join(' < ');
    by.set(key, (by.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  for (const [chain, us] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`  ${(us / 1e6).toFixed(3).padStart(7)} s  ${chain}`);
}

/**
 * Where a profile's CPU went, by script (a production build's function names are minified, so its
 * chunks say more: `sanitize-….js` is DOMPurify) and, outside scripts, by the names the profiler gives:
 * `(garbage collector)`, `(idle)`, a native call such as `parseFromString`.
 */
export function printSelfTime(profile: Profile, n = 12): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const where = frame?.url
      ? frame.url.slice(frame.url.lastIndexOf('/') + 1)
      : frame?.functionName || '(anonymous)';
    self.set(where, (self.get(where) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  for (const [where, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`  ${(us / 1e6).toFixed(2).padStart(6)} s  ${where}`);
}
