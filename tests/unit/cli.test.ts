/**
 * The `jianbao` command line on bad input: every refusal is one line and an exit code, never a stack
 * trace; `eval` survives pages that throw and writes only where it is told.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '@/cli/main';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const PARAGRAPHS = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>第${i + 1}段：长春市今天举行新闻发布会，介绍全市冬季冰雪旅游的筹备情况和各项安排，市民可以通过多种渠道了解。</p>`,
).join('');
const ARTICLE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>冰雪旅游季开幕_新闻</title>
<link rel="canonical" href="https://news.example.cn/2024/01/02/123.html"></head>
<body><h1>冰雪旅游季开幕</h1><div class="info">2024-01-02 10:30 来源：新华社</div><div class="content">${PARAGRAPHS}</div></body></html>`;

describe('jianbao extract', () => {
  it('prints the article as JSON, Markdown or text (the URL from the page when --url is left out)', async () => {
    const file = write('article.html', ARTICLE);
    const json = await run('extract', file, '--url', 'https://news.example.cn/2024/01/02/123.html');
    expect(json.code).toBe(0);
    const article = JSON.parse(json.stdout) as { title: string; source: string; url: string };
    expect(article.title).toBe('冰雪旅游季开幕');
    expect(article.source).toBe('新华社');
    const md = await run('extract', file, '--format=md');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# 冰雪旅游季开幕$/m);
    expect(md.stdout).toContain('<https://news.example.cn/2024/01/02/123.html>');
    const text = await run('extract', file, '--format', 'text');
    expect(text.stdout.split('\n')[0]).toBe('冰雪旅游季开幕');
  });

  it('--explain says where each field came from', async () => {
    const file = write('explained.html', ARTICLE);
    const r = await run('extract', file, '--explain');
    expect(r.code).toBe(0);
    const { origins } = JSON.parse(r.stdout) as { origins: Record<string, string> };
    expect(origins).toMatchObject({ title: 'page', source: 'page', published: 'page' });
    const plain = JSON.parse((await run('extract', file)).stdout) as Record<string, unknown>;
    expect(plain).not.toHaveProperty('origins');
  });

  it('refuses a missing file and a folder in one line, exit 1', async () => {
    for (const target of [path.join(tmp, 'nope.html'), tmp]) {
      const r = await run('extract', target, '--url', 'https://a.example/');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(target === tmp ? /is a folder/ : /no such file/);
    }
  });

  it.each([
    [
      'a PNG',
      'image.html',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      /binary/,
    ],
    ['JSON', 'data.json', JSON.stringify({ title: '<b>x</b>', body: ['<p>a</p>'] }), /JSON/],
    ['Markdown', 'notes.md', '# 标题\n\n正文第一段，含有 <b>粗体</b> 标记。\n\n- 一\n- 二\n', /Markdown/],
    ['plain text', 'notes.txt', '这是一段纯文本。\n没有任何标记。\n', /plain text/],
    ['an empty file', 'empty.html', '', /empty/],
  ])('refuses %s as not an HTML page', async (_, name, content, reason) => {
    const r = await run('extract', write(name, content), '--url', 'https://a.example/');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not an HTML page/);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('accepts HTML with a BOM, leading comment or text before the markup, and UTF-16', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(ARTICLE, 'utf16le'))]);
    for (const [name, content] of [
      ['bom.html', '\ufeff' + ARTICLE],
      ['comment.html', '<!-- saved 2024 -->\n' + ARTICLE],
      ['notice.html', 'Warning: session_start() failed\n' + ARTICLE],
      ['utf16.html', utf16],
    ] as const) {
      const r = await run('extract', write(name, content), '--format', 'text');
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain('冰雪旅游季开幕');
    }
  });

  it('refuses an unknown --format, an unknown option, a missing or non-http --url', async () => {
    const file = write('article.html', ARTICLE);
    const format = await run('extract', file, '--format', 'pdf');
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/unknown --format pdf/);
    expect(format.stdout).toBe('');
    const option = await run('extract', file, '--utl', 'https://a.example/');
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/unknown option --utl/);
    const bare = write('bare.html', `<html><body><h1>t</h1>${PARAGRAPHS}</body></html>`);
    expect((await run('extract', bare)).stderr).toMatch(/--url/);
    expect((await run('extract', bare, '--url', 'file:///etc/passwd')).code).toBe(2);
  });

  it('says "no article" in one line for a page without one', async () => {
    const r = await run(
      'extract',
      write('blank.html', '<html><body></body></html>'),
      '--url',
      'https://a.example/',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no article/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reads a page whose CSS jsdom cannot parse, without its styles, and says so', async () => {
    const html = ARTICLE.replace('<h1>', '<h1 style="color: rgb(1e309, 0, 0)">');
    const r = await run('extract', write('css.html', html), '--format', 'text');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('冰雪旅游季开幕');
    expect(r.stderr).toMatch(/warning: jsdom could not parse the page's CSS/);
  });
});

describe('jianbao --help, --version, unknown commands', () => {
  it('--help prints the usage on stdout, exit 0, also after a command', async () => {
    for (const argv of [['--help'], ['-h'], ['extract', '--help'], ['eval', 'x', '--help']]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^usage:/);
      expect(r.stdout).toContain('jianbao new-rule');
    }
  });

  it('--version prints the package version', async () => {
    expect(await run('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('no command or an unknown one: usage error, exit 2', async () => {
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^usage:/);
    const unknown = await run('exract', 'a.html');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command exract/);
  });

  it('the installed command (bin/jianbao.mjs) prints one line, no stack trace, and the exit code', () => {
    const bin = path.resolve('bin/jianbao.mjs');
    const missing = spawnSync(process.execPath, [bin, 'extract', path.join(tmp, 'missing.html')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8', timeout: 60_000 });
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${pkg.version}\n`);
  }, 120_000);
});

describe('jianbao eval', () => {
  /** A corpus of two folders: good pages, a page jsdom throws on, an empty page. */
  function corpus(root: string) {
    const page = (dir: string, html: string, truth: object) => {
      write(`${root}/${dir}/page.html`, html);
      write(`${root}/${dir}/truth.json`, JSON.stringify(truth));
    };
    const truth = {
      url: 'https://news.example.cn/2024/01/02/123.html',
      title: '冰雪旅游季开幕',
      source: '新华社',
      body_text: PARAGRAPHS.replace(/<\/?p>/g, '\n').trim(),
    };
    page('news/good', ARTICLE, truth);
    // jsdom throws on this style attribute while parsing (browsers ignore the value)
    page('news/bad-css', ARTICLE.replace('<h1>', '<h1 style="color: rgb(1e309, 0, 0)">'), truth);
    page('other/empty', '<html><body></body></html>', { url: 'https://a.example/', title: 'x' });
    return path.join(tmp, root);
  }

  const snapshot = (dir: string) =>
    fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .sort()
      .map((f) => `${f}:${fs.statSync(path.join(dir, f)).size}`);

  it('scores every folder, Jianbao beside Readability, writes only under --out, and survives bad pages', async () => {
    const root = corpus('corpus-a');
    const out = path.join(tmp, 'out-a');
    const before = snapshot(root);
    const r = await run('eval', root, '--out', out, '--quiet');
    expect(r.code).toBe(0);
    expect(snapshot(root)).toEqual(before);
    for (const group of ['news', 'other']) {
      const table = r.stdout.split('### ').find((t) => t.startsWith(group))!;
      expect(table).toMatch(/^jianbao\s/m);
      expect(table).toMatch(/^readability\s/m);
    }
    const good = JSON.parse(fs.readFileSync(path.join(out, 'corpus-a/news/good/jianbao.json'), 'utf8'));
    expect(good.title).toBe('冰雪旅游季开幕');
    const badCss = JSON.parse(fs.readFileSync(path.join(out, 'corpus-a/news/bad-css/jianbao.json'), 'utf8'));
    expect(badCss.title).toBe('冰雪旅游季开幕');
    expect(badCss.warning).toMatch(/CSS/);
    const empty = JSON.parse(fs.readFileSync(path.join(out, 'corpus-a/other/empty/jianbao.json'), 'utf8'));
    expect(empty.error).toMatch(/no readable article|empty/);
    // the error row is counted, and named on stderr
    expect(r.stdout.split('### ').find((t) => t.startsWith('other'))).toMatch(/^jianbao\s+1\s+1\s/m);
    expect(r.stderr).toMatch(/corpus-a\/other\/empty: jianbao: /);
  });

  it('writes beside the pages only with --in-place', async () => {
    const root = corpus('corpus-b');
    const r = await run('eval', root, '--in-place', '--quiet');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(root, 'news/good/jianbao.json'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'news/good/readability.json'))).toBe(true);
  });

  it('--unseen scores pages as unseen sites: without rules, and with bare also without metadata', async () => {
    const root = path.join(tmp, 'corpus-unseen');
    // the date only in the page's metadata
    const page = ARTICLE.replace('2024-01-02 10:30 ', '').replace(
      '<head>',
      '<head><meta property="article:published_time" content="2024-01-02T08:00:00+08:00">',
    );
    write('corpus-unseen/news/meta-date/page.html', page);
    write(
      'corpus-unseen/news/meta-date/truth.json',
      JSON.stringify({ url: 'https://news.example.cn/a/123.html' }),
    );
    const output = async (...flags: string[]) => {
      const out = path.join(tmp, `out-unseen${flags.join('')}`);
      const r = await run('eval', root, '--out', out, '--quiet', ...flags);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(fs.readFileSync(path.join(out, 'corpus-unseen/news/meta-date/jianbao.json'), 'utf8'));
    };
    expect((await output('--unseen', 'no-rules')).publishedAt).toBe('2024-01-02T08:00:00+08:00');
    expect((await output('--unseen', 'bare')).publishedAt).toBeNull();
    const refused = await run('eval', root, '--unseen', 'sometimes');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--unseen takes no-rules, bare or classless/);
  });

  it('--unseen classless also takes every class and id away', async () => {
    const root = path.join(tmp, 'corpus-classless');
    // a breadcrumb known only by its class: its separators drawn by CSS
    const page = ARTICLE.replace(
      '<h1>',
      '<div class="breadcrumb"><a href="/news/">新闻</a> <a href="/news/local/">本地</a></div><h1>',
    );
    write('corpus-classless/news/named/page.html', page);
    write(
      'corpus-classless/news/named/truth.json',
      JSON.stringify({ url: 'https://news.example.cn/a/1.html' }),
    );
    const section = async (mode: string) => {
      const out = path.join(tmp, `out-classless-${mode}`);
      const r = await run('eval', root, '--out', out, '--quiet', '--unseen', mode);
      expect(r.code, r.stderr).toBe(0);
      const file = path.join(out, 'corpus-classless/news/named/jianbao.json');
      return (JSON.parse(fs.readFileSync(file, 'utf8')) as { section: string[] }).section;
    };
    expect(await section('bare')).toEqual(['新闻', '本地']);
    expect(await section('classless')).toEqual([]);
  });

  it('refuses a missing corpus folder in one line', async () => {
    const r = await run('eval', path.join(tmp, 'no-corpus'));
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('goes on when the extractor throws, synchronously or later from a timer or a promise', () => {
    // In a child process: the stray errors must not reach the test runner's own handlers.
    const root = corpus('corpus-c');
    const out = path.join(tmp, 'out-c');
    const script = write(
      'stray.mts',
      `import { runEval } from ${JSON.stringify(path.resolve('cli/eval.ts'))};
let n = 0;
const result = await runEval(${JSON.stringify(root)}, {
  out: ${JSON.stringify(out)},
  extract: () => {
    n++;
    if (n === 1) setTimeout(() => { throw new Error('stray timer error'); });
    if (n === 2) void Promise.reject(new Error('stray rejection'));
    throw new RangeError('thrown by the extractor');
  },
});
console.log(JSON.stringify({ pages: result.pages, failures: result.failures }));`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf8',
      timeout: 120_000,
      cwd: process.cwd(),
    });
    expect(child.status, child.stderr).toBe(0);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      pages: number;
      failures: Array<{ page: string; system: string; error: string }>;
    };
    expect(result.pages).toBe(3);
    const errors = result.failures.map((f) => f.error);
    expect(errors.filter((e) => e === 'thrown by the extractor')).toHaveLength(3);
    expect(errors).toContain('stray timer error');
    expect(errors).toContain('stray rejection');
    expect(fs.readdirSync(path.join(out, 'corpus-c/news'))).toEqual(['bad-css', 'good']);
  }, 150_000);
});
