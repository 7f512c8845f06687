/** The pages the extraction benches time. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CORPUS = path.resolve('../shared/corpus/gne-dev');

/** The pages the extraction benches time: the gne-dev corpus when present, else the rule fixtures. */
export function benchPages(): Array<{ name: string; html: string; url: string }> {
  // BENCH_PAGES=a,b times only those corpus pages (to look into one page's figures)
  const only = process.env.BENCH_PAGES?.split(',');
  if (fs.existsSync(CORPUS)) {
    return fs
      .readdirSync(CORPUS)
      .sort()
      .filter((d) => fs.existsSync(path.join(CORPUS, d, 'page.html')))
      .filter((d) => !only || only.includes(d))
      .map((d) => {
        const truth = JSON.parse(fs.readFileSync(path.join(CORPUS, d, 'truth.json'), 'utf8')) as {
          url?: string;
        };
        return {
          name: d,
          html: fs.readFileSync(path.join(CORPUS, d, 'page.html'), 'utf8'),
          url: truth.url ?? `http://localhost/${d}/`,
        };
      });
  }
  console.log('(../shared/corpus absent: timing the rule fixtures instead)');
  const trees = ['sites', 'cms'].map((tree) => path.resolve('utils/extract/rules', tree));
  return trees
    .filter((tree) => fs.existsSync(tree))
    .flatMap((tree) => fs.readdirSync(tree).map((rule) => path.join(tree, rule)))
    .flatMap((dir) =>
      fs
        .readdirSync(dir)
        .filter((f) => /^fixture(\.[\w-]+)?\.html$/.test(f))
        .map((f) => {
          const expected = f.replace('fixture', 'expected').replace('.html', '.json');
          const { url } = JSON.parse(fs.readFileSync(path.join(dir, expected), 'utf8')) as { url: string };
          return {
            name: `${path.basename(dir)}/${f}`,
            html: fs.readFileSync(path.join(dir, f), 'utf8'),
            url,
          };
        }),
    );
}

/** Cores and load average, printed with the figures: the machine is shared, and load inflates them. */
export function machine(): string {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `${os.cpus().length} cores, load average ${load}`;
}
