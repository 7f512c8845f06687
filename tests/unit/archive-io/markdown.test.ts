import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { clipToMarkdown, markdownFileName, yamlString } from '@/utils/archive-io/markdown';
import { newClip } from '@/utils/archive/clip-store';
import { makeArticle } from '../article-factory';

const hostile = [
  '标题: 带冒号',
  '"引号" 和 \'单引号\'',
  '- 以破折号开头',
  '--- 三个破折号',
  '# 井号 & 锚点 *别名 !标签 {花括号} [方括号] | > %',
  '多行\n第二行\r\n第三行\t制表',
  'yes',
  '123',
  'null',
  '反斜杠 \\ 和 \u2028 行分隔符 \u007f DEL \ufeff BOM 😀',
];

function clipWith(text: string) {
  return {
    ...newClip(
      makeArticle({
        title: text,
        kicker: '引题：' + text,
        subtitle: '——' + text,
        authors: [text, '李明'],
        source: text,
        contentHtml:
          '<h2>小标题</h2><p>\u3000\u3000第一段<strong>重点</strong>，<a href="https://news.example.cn/b.html" rel="noopener noreferrer" target="_blank">相关报道</a>。</p><ul><li>一</li><li>二</li></ul><p><img src="https://img.example.cn/a.jpg" alt="雪景"></p>',
      }),
      new Date('2025-01-01T00:00:00Z'),
      'clip-1',
    ),
    tags: [text, '旅游'],
    note: text,
  };
}

function frontMatterOf(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) throw new Error('no front matter');
  return parseYaml(match[1]!) as Record<string, unknown>;
}

describe('clipToMarkdown', () => {
  it.each(hostile)('front matter round-trips every string exactly: %j', (text) => {
    const fm = frontMatterOf(clipToMarkdown(clipWith(text)));
    expect(fm.title).toBe(text);
    expect(fm.kicker).toBe('引题：' + text);
    expect(fm.authors).toEqual([text, '李明']);
    expect(fm.source).toBe(text);
    expect(fm.tags).toEqual([text, '旅游']);
    expect(fm.note).toBe(text);
  });

  it('puts the metadata in front matter and the body as Markdown', () => {
    const markdown = clipToMarkdown(clipWith('长白山冰雪季开幕'));
    expect(frontMatterOf(markdown)).toMatchObject({
      title: '长白山冰雪季开幕',
      editors: ['赵雪'],
      site: '示例新闻网',
      published: '2024-12-01T09:30:00+08:00',
      section: ['新闻', '旅游'],
      url: 'https://news.example.cn/a/202401/1001.html',
      clipped: '2025-01-01T00:00:00.000Z',
    });
    const body = markdown.slice(markdown.indexOf('\n---\n') + 5);
    expect(body).toContain('# 长白山冰雪季开幕');
    expect(body).toContain('## 小标题');
    expect(body).toContain('**重点**');
    expect(body).toContain('[相关报道](https://news.example.cn/b.html)');
    expect(body).toMatch(/^- {1,3}一$/m);
    expect(body).toContain('![雪景](https://img.example.cn/a.jpg)');
    expect(body).not.toContain('<');
  });

  it('leaves empty fields out of the front matter', () => {
    const fm = frontMatterOf(clipToMarkdown({ ...clipWith('x'), kicker: null, tags: [], note: null }));
    expect(fm).not.toHaveProperty('kicker');
    expect(fm).not.toHaveProperty('tags');
    expect(fm).not.toHaveProperty('note');
  });

  it('escapes characters YAML wants escaped in double quotes', () => {
    expect(yamlString('a\u007fb\u2028c')).toBe('"a\\u007fb\\u2028c"');
  });
});

describe('markdownFileName', () => {
  it('makes a safe file name from the title', () => {
    expect(markdownFileName({ id: 'x', title: '长白山/冰雪季: "开幕"?' })).toBe('长白山 冰雪季 开幕.md');
    expect(markdownFileName({ id: 'clip-1', title: '../../' })).toBe('clip-1.md');
    expect(markdownFileName({ id: 'x', title: '长'.repeat(200) })).toBe('长'.repeat(80) + '.md');
  });
});
