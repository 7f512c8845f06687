/**
 * A small, varied archive for the UI tests and the README screenshots: several sources, sections,
 * tags, publish precisions and languages (Simplified and Traditional Chinese, English). The outlets
 * and articles are made up.
 */
import { makeArticle } from '../unit/article-factory';

interface Showcase {
  title: string;
  kicker?: string;
  source: string;
  section: string[];
  tags: string[];
  publishedAt: string;
  clippedAt: string;
  lang: string;
  paragraphs: string[];
  authors?: string[];
  versions?: number;
}

const CLIPS: Showcase[] = [
  {
    title: '长春地铁六号线全线贯通 预计明年通车运营',
    kicker: '城市交通',
    source: '北方晨报',
    section: ['新闻', '城市'],
    tags: ['交通', '长春'],
    publishedAt: '2025-03-12T09:30:00+08:00',
    clippedAt: '2025-03-12T10:02:00.000Z',
    lang: 'zh-CN',
    authors: ['王立新'],
    versions: 1,
    paragraphs: [
      '3月12日上午，随着最后一台盾构机顺利出洞，长春地铁六号线实现全线贯通。',
      '六号线全长约二十八公里，设车站二十座，连接城市东西两大居住区与主城核心区。建设单位介绍，线路将于明年上半年完成设备安装与联调联试。',
      '“盾构掘进期间，我们穿越了老城区密集的地下管网。”项目负责人说，施工团队采用实时监测系统，确保地面建筑安全。',
      '开通后，从东部新区到火车站的通勤时间预计将由一小时缩短到三十五分钟左右。',
    ],
  },
  {
    title: '吉林雾凇冰雪节开幕 中外游客共赏雾凇奇观',
    source: '江城晚报',
    section: ['新闻', '旅游'],
    tags: ['旅游', '冰雪'],
    publishedAt: '2024-12-31T00:00:00+08:00',
    clippedAt: '2025-01-02T08:15:00.000Z',
    lang: 'zh-CN',
    paragraphs: [
      '第三十届吉林雾凇冰雪节在松花江畔开幕，数万名中外游客清晨来到江边，观赏树挂奇观。',
      '今年冰雪节推出雾凇摄影、冬泳表演、冰雪民俗等二十余项活动，持续至二月底。',
    ],
  },
  {
    title: '延边水稻喜获丰收 智慧农业助力增产增收',
    source: '延边农业报',
    section: ['经济', '农业'],
    tags: ['农业'],
    publishedAt: '2025-09-28T16:45:00+08:00',
    clippedAt: '2025-09-29T02:00:00.000Z',
    lang: 'zh-CN',
    paragraphs: [
      '金秋时节，延边各地稻田一片金黄。今年全州水稻种植面积稳中有增，亩产较去年提高约百分之六。',
      '无人机植保、智能灌溉和土壤墒情监测在多个乡镇推广，农民足不出户就能查看稻田情况。',
    ],
  },
  {
    title: '一季度全省外贸进出口同比增长 新能源汽车出口成亮点',
    source: '北方财经',
    section: ['经济', '外贸'],
    tags: ['经济', '汽车'],
    publishedAt: '2025-04-18T10:00:00+08:00',
    clippedAt: '2025-04-18T05:40:00.000Z',
    lang: 'zh-CN',
    paragraphs: [
      '海关最新数据显示，一季度全省货物贸易进出口总值同比增长百分之八点三。',
      '其中新能源汽车出口增长近两倍，成为拉动出口的重要力量。',
    ],
  },
  {
    title: '长白山景区推出冬季夜游线路',
    source: '江城晚报',
    section: ['新闻', '旅游'],
    tags: ['旅游', '冰雪', '长白山'],
    publishedAt: '2024-12-05T19:20:00+08:00',
    clippedAt: '2024-12-06T01:10:00.000Z',
    lang: 'zh-CN',
    paragraphs: ['长白山景区今冬首次推出夜游线路，游客可在灯光映照下欣赏雪林与温泉雾气。'],
  },
  {
    title: '高校毕业生就业服务月启动 千家企业提供岗位',
    source: '北方晨报',
    section: ['新闻', '教育'],
    tags: ['就业'],
    publishedAt: '2025-05-20T08:00:00+08:00',
    clippedAt: '2025-05-20T03:30:00.000Z',
    lang: 'zh-CN',
    paragraphs: ['全省高校毕业生就业服务月日前启动，一千余家企业带来两万多个岗位。'],
  },
  {
    title: '臺北捷運環狀線北段動工 預計六年後完工',
    source: '港灣日報',
    section: ['國際', '交通'],
    tags: ['交通'],
    publishedAt: '2025-02-10T14:00:00+08:00',
    clippedAt: '2025-02-11T06:00:00.000Z',
    lang: 'zh-Hant',
    paragraphs: ['環狀線北段今日舉行動工典禮，全長約十四公里，設站十二座，預計六年後完工通車。'],
  },
  {
    title: 'Harbour city opens its first offshore wind farm',
    source: 'Harbour Times',
    section: ['Business', 'Energy'],
    tags: ['energy'],
    publishedAt: '2025-06-03T11:15:00+01:00',
    clippedAt: '2025-06-03T12:00:00.000Z',
    lang: 'en',
    authors: ['Jane Miller'],
    paragraphs: [
      'The first turbines of the offshore wind farm began feeding the grid on Tuesday, two months ahead of schedule.',
      'When complete, the farm’s forty turbines are expected to supply electricity to around 300,000 homes, the operator said.',
      'Local fishing associations, which had opposed the project, welcomed a compensation scheme agreed last year.',
    ],
  },
  {
    title: '松花江畔新建湿地公园对市民开放',
    source: '江城晚报',
    section: ['新闻', '城市'],
    tags: ['长春', '生态'],
    publishedAt: '2025-07-01T00:00:00+08:00',
    clippedAt: '2025-07-02T09:00:00.000Z',
    lang: 'zh-CN',
    paragraphs: ['占地一千二百亩的湿地公园今日开放，园内栖息着六十余种鸟类。'],
  },
  {
    title: '汽车产业链招商推介会签约项目三十个',
    source: '北方财经',
    section: ['经济', '产业'],
    tags: ['经济', '汽车'],
    publishedAt: '2025-08-15T15:30:00+08:00',
    clippedAt: '2025-08-16T00:20:00.000Z',
    lang: 'zh-CN',
    paragraphs: ['推介会现场签约项目三十个，总投资额超过一百五十亿元，涵盖电池、芯片和零部件。'],
  },
];

const DATE_ONLY = /T00:00:00\+08:00$/;

/** The showcase as clip records the worker's 'clip/restore' accepts. */
export function showcaseClips() {
  return CLIPS.map((clip, i) => {
    const url = `https://news.example.cn/${clip.section[0]}/${2025_0000 + i}.html`;
    const html = clip.paragraphs.map((p) => `<p>${p}</p>`).join('');
    return {
      ...makeArticle({
        title: clip.title,
        kicker: clip.kicker ?? null,
        source: clip.source,
        siteName: clip.source,
        section: clip.section,
        publishedAt: clip.publishedAt,
        publishedRaw: DATE_ONLY.test(clip.publishedAt) ? clip.publishedAt.slice(0, 10) : clip.publishedAt,
        // a page that gave only a date is shown without a time
        publishedPrecision: DATE_ONLY.test(clip.publishedAt) ? 'day' : 'minute',
        authors: clip.authors ?? [],
        editors: [],
        url,
        canonicalUrl: url,
        articleId: String(i + 1),
        lang: clip.lang,
        excerpt: clip.paragraphs[0]!,
        contentHtml: html,
        textContent: clip.paragraphs.join('\n'),
      }),
      id: `showcase-${i + 1}`,
      host: 'news.example.cn',
      clippedAt: clip.clippedAt,
      updatedAt: clip.versions
        ? new Date(Date.parse(clip.clippedAt) + 86_400_000).toISOString()
        : clip.clippedAt,
      tags: clip.tags,
      note: null,
      versions: Array.from({ length: clip.versions ?? 0 }, () => ({
        savedAt: clip.clippedAt,
        title: clip.title,
        contentHtml: `<p>${clip.paragraphs[0]}</p>`,
        textContent: clip.paragraphs[0]!,
        snapshot: null,
      })),
      assets: [],
      snapshot: null,
      notes: [],
      gone: null,
    };
  });
}
