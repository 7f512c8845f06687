/**
 * Chinese byline parsing: 来源/稿源/信息来源, 作者/记者/通讯员/文/图, 编辑/责任编辑/责编/编审 and
 * 时间/发布时间/日期 in one line of visible text, with ASCII or full-width colons, 【】（）brackets,
 * `|` separators and several names per field. Roles stay apart: an editor is never an author.
 */
import { cutAtFurniture, isFurniture, isWidgetCount } from './furniture';
import { cleanName, collapseSpace, unique } from './text';
import { WIRE_CREDITS, WIRE_ROLE } from './western';

export interface Byline {
  source: string | null;
  authors: string[];
  editors: string[];
  /** who took the pictures (摄影：…): an author only where no one is credited with the writing */
  photographers: string[];
  /** the text after a date label (发布时间：…), for the date parser */
  dateText: string | null;
  /**
   * the names came from a credit run without colons (新京报记者 张三 编辑 李四): weaker than a
   * labelled line (责任编辑：…) when both stand near the body's end
   */
  creditRun?: true;
  /**
   * the names came from a wire story's closing credits (Reporting by …; Editing by …): its writers
   * come after the byline under the headline, which they may outnumber
   */
  wire?: true;
}

/** `organ`: an organisation that wrote the piece, one name however long (发文机关：吉林省人民政府办公厅). */
type Role = 'source' | 'author' | 'organ' | 'editor' | 'photo' | 'date' | 'other';

// Longest labels first so 责任编辑 wins over 编辑 and 信息来源 over 来源.
const LABELS: ReadonlyArray<[string, Role]> = [
  // older CMS templates and forums: when the page was entered or posted (天涯's 提交日期)
  ['录入时间', 'date'],
  ['錄入時間', 'date'],
  ['添加时间', 'date'],
  ['加入时间', 'date'],
  ['上传时间', 'date'],
  ['发帖时间', 'date'],
  ['發帖時間', 'date'],
  // (贴 for 帖, as many forums write it)
  ['发贴时间', 'date'],
  ['發貼時間', 'date'],
  ['发帖日期', 'date'],
  ['发贴日期', 'date'],
  ['发表日期', 'date'],
  ['發表日期', 'date'],
  ['提交日期', 'date'],
  ['提交时间', 'date'],
  ['发稿日期', 'date'],
  ['發稿日期', 'date'],
  ['上线时间', 'date'],
  // a newspaper's day of print, on its site
  ['刊登日期', 'date'],
  ['刊出日期', 'date'],
  ['出版日期', 'date'],
  ['见报日期', 'date'],
  ['見報日期', 'date'],
  ['最后更新', 'date'],
  ['最後更新', 'date'],
  // who entered or approved the page in the CMS: neither writer nor outlet
  ['录入者', 'other'],
  ['录入人', 'other'],
  ['录入', 'other'],
  ['發布者', 'other'],
  ['发布者', 'other'],
  ['发布人', 'other'],
  ['審核人', 'other'],
  ['审核人', 'other'],
  ['审稿', 'other'],
  // the department that supplied the piece, on government sites: its outlet
  ['供稿单位', 'source'],
  ['供稿', 'source'],
  ['文章出处', 'source'],
  ['原文出处', 'source'],
  ['信息来源', 'source'],
  ['文章来源', 'source'],
  ['本文来源', 'source'],
  // "comes from", as older templates write the label
  ['本文来源于', 'source'],
  ['本文來源於', 'source'],
  ['文章来源于', 'source'],
  ['来源于', 'source'],
  ['來源於', 'source'],
  ['新闻来源', 'source'],
  ['内容来源', 'source'],
  ['資料來源', 'source'],
  ['新聞來源', 'source'],
  ['稿件来源', 'source'],
  ['消息来源', 'source'],
  ['消息來源', 'source'],
  ['本文转自', 'source'],
  ['本文轉自', 'source'],
  ['转载自', 'source'],
  ['轉載自', 'source'],
  // a repost's origin, as PowerEasy and forum templates label it
  ['转贴自', 'source'],
  ['轉貼自', 'source'],
  ['转帖自', 'source'],
  ['转自', 'source'],
  ['轉自', 'source'],
  ['文章來源', 'source'],
  ['发布机构', 'source'],
  ['發布機構', 'source'],
  ['发布单位', 'source'],
  ['發布單位', 'source'],
  ['发布部门', 'source'],
  ['發布部門', 'source'],
  ['来源单位', 'source'],
  ['來源單位', 'source'],
  ['供稿部门', 'source'],
  ['供稿部門', 'source'],
  // a government document's issuing organ wrote it (发文机关：国务院办公厅)
  ['发文机关', 'organ'],
  ['發文機關', 'organ'],
  ['来源', 'source'],
  ['來源', 'source'],
  ['稿源', 'source'],
  ['出处', 'source'],
  ['责任编辑', 'editor'],
  ['責任編輯', 'editor'],
  ['新媒体编辑', 'editor'],
  ['新媒體編輯', 'editor'],
  ['执行编辑', 'editor'],
  ['執行編輯', 'editor'],
  ['栏目编辑', 'editor'],
  ['欄目編輯', 'editor'],
  ['版面编辑', 'editor'],
  // whoever edited the pictures, the video or the layout did not edit the story
  ['图片编辑', 'other'],
  ['圖片編輯', 'other'],
  ['视频编辑', 'other'],
  ['視頻編輯', 'other'],
  ['美术编辑', 'other'],
  ['美術編輯', 'other'],
  ['值班编辑', 'editor'],
  ['实习编辑', 'editor'],
  ['見習編輯', 'editor'],
  ['见习编辑', 'editor'],
  ['本文编辑', 'editor'],
  ['本期编辑', 'editor'],
  ['本期編輯', 'editor'],
  ['特约编辑', 'editor'],
  ['文字编辑', 'editor'],
  ['网络编辑', 'editor'],
  ['编辑', 'editor'],
  ['編輯', 'editor'],
  ['核稿編輯', 'editor'],
  ['责编', 'editor'],
  ['責編', 'editor'],
  ['编审', 'editor'],
  ['文章作者', 'author'],
  ['本文作者', 'author'],
  ['新闻作者', 'author'],
  ['投稿人', 'author'],
  ['撰写人', 'author'],
  ['撰写', 'author'],
  ['撰寫', 'author'],
  ['作者', 'author'],
  // as books and Japanese pages credit the writer (著者：張三, 筆者：…)
  ['著者', 'author'],
  ['筆者', 'author'],
  ['笔者', 'author'],
  ['博主', 'author'],
  ['楼主', 'author'],
  ['發文者', 'author'],
  ['发帖人', 'author'],
  // who posted a forum thread or wrote what a repost carries (not 发布者, a CMS's uploader)
  ['发帖者', 'author'],
  ['發帖者', 'author'],
  ['发表者', 'author'],
  ['發表者', 'author'],
  ['帖子作者', 'author'],
  ['原作者', 'author'],
  ['原文作者', 'author'],
  // a reporter's label and its qualifier, believed run on to the value before it
  // (来源：示例日报 融媒体记者：张三)
  ...[
    '本报记者',
    '本報記者',
    '特约记者',
    '特約記者',
    '见习记者',
    '見習記者',
    '实习记者',
    '實習記者',
    '首席记者',
    '首席記者',
    '特派记者',
    '特派記者',
    '融媒体记者',
    '融媒體記者',
    '融媒记者',
    '全媒体记者',
    '全媒體記者',
  ].map((label): [string, Role] => [label, 'author']),
  ['摄影记者', 'photo'],
  ['攝影記者', 'photo'],
  // an intern reporter, credited as a credit run credits one (记者 张三 实习生 李四)
  ['实习生', 'author'],
  ['實習生', 'author'],
  ['记者', 'author'],
  ['記者', 'author'],
  ['通讯员', 'author'],
  ['通訊員', 'author'],
  ['撰文者', 'author'],
  ['撰文', 'author'],
  ['採訪', 'author'],
  ['采访', 'author'],
  ['撰稿人', 'author'],
  ['撰稿', 'author'],
  ['主笔', 'author'],
  ['主筆', 'author'],
  ['执笔', 'author'],
  ['執筆', 'author'],
  ['采写', 'author'],
  ['文/图', 'author'],
  ['文图', 'author'],
  // "text by", beside the picture credit (文字：张三 图片：李四)
  ['文字', 'author'],
  ['摄影', 'photo'],
  ['攝影', 'photo'],
  // the pictures, the video and the charts: credits, but no writer's (文/张三 图/李四 视频/王五)
  ['图', 'photo'],
  ['圖', 'photo'],
  ['图片', 'photo'],
  ['圖片', 'photo'],
  ['摄像', 'photo'],
  ['攝像', 'photo'],
  ['视频', 'photo'],
  ['視頻', 'photo'],
  ['制图', 'photo'],
  ['製圖', 'photo'],
  ['插图', 'photo'],
  ['插圖', 'photo'],
  ['发布时间', 'date'],
  ['發布時間', 'date'],
  ['發佈時間', 'date'],
  ['发表时间', 'date'],
  ['發表時間', 'date'],
  ['发稿时间', 'date'],
  ['發稿時間', 'date'],
  ['更新时间', 'date'],
  ['更新時間', 'date'],
  ['发布日期', 'date'],
  ['發布日期', 'date'],
  ['發佈日期', 'date'],
  ['更新日期', 'date'],
  // Hong Kong pages print when they went out as 出版 (香港01: 出版：2023-12-01 14:30 更新：…)
  ['出版時間', 'date'],
  ['出版时间', 'date'],
  // bare, only before a date: 發佈：2019/09/26 15:10, 更新：2019/09/26, 出版：2023-12-01 14:30
  ['出版', 'date'],
  ['發佈', 'date'],
  ['发布', 'date'],
  ['更新', 'date'],
  // a BBS post's header: 发信人: id (昵称), 信区: board / 标  题: … / 发信站: 站名 (date)
  ['发信人', 'author'],
  ['發信人', 'author'],
  ['发信站', 'date'],
  ['發信站', 'date'],
  ['发表于', 'date'],
  ['發表於', 'date'],
  ['发布于', 'date'],
  ['時間', 'date'],
  ['时间', 'date'],
  ['日期', 'date'],
  // production credits: whoever checked, approved or produced the piece did not write it
  ['校对', 'other'],
  ['校對', 'other'],
  ['审核', 'other'],
  ['審核', 'other'],
  ['初审', 'other'],
  ['复审', 'other'],
  ['终审', 'other'],
  ['終審', 'other'],
  ['审校', 'other'],
  ['监制', 'other'],
  ['監製', 'other'],
  ['统筹', 'other'],
  ['統籌', 'other'],
  ['主编', 'other'],
  ['点击数', 'other'],
  ['浏览次数', 'other'],
  ['瀏覽次數', 'other'],
  ['阅读', 'other'],
  ['字号', 'other'],
  // a BBS header's board and title lines
  ['信区', 'other'],
  ['信區', 'other'],
  ['标题', 'other'],
  ['標題', 'other'],
  // the writer's employer, after the name (作者：张三，单位：示例大学)
  ['作者单位', 'other'],
  ['作者單位', 'other'],
  ['单位', 'other'],
  ['單位', 'other'],
  // where the poster was, by IP (IP属地：广东): not a value of any field
  ['IP属地', 'other'],
  ['IP屬地', 'other'],
];

/**
 * English labels, as English pages of Chinese outlets set them (`Source: Xinhua | 2019-09-26 15:10:35
 * | Editor: huaxia`, `Source: Global Times Published: 2019/9/26 15:10:05`): believed only opening the
 * line or after a bar (Published also after a value), as `Open Source: …` is a headline and
 * `Data Source: …` a chart's note.
 */
const ENGLISH_LABELS: ReadonlyArray<readonly [string, Role]> = [
  ['Source', 'source'],
  ['SOURCE', 'source'],
  ['Editor', 'editor'],
  ['EDITOR', 'editor'],
  ['Reporter', 'author'],
  ['Authors', 'author'],
  ['Author', 'author'],
  ['AUTHOR', 'author'],
  ['Published', 'date'],
];

const ROLE_OF = new Map([...LABELS, ...ENGLISH_LABELS]);
const ENGLISH_ALTERNATION = ENGLISH_LABELS.map(([label]) => label).join('|');
/** Date labels of a page's last update, not of when it went out. */
const UPDATE_LABEL = /^(?:更新|最后更新|最後更新|修改)/;

/** What an English label's line holds besides it when it is a byline: a year, or another label. */
const ENGLISH_BYLINE_COMPANY = new RegExp(`(?:19|20)\\d{2}|[|｜]\\s*(?:${ENGLISH_ALTERNATION})\\s*:`);
const LABEL_ALTERNATION = LABELS.map(([label]) => label.replace('/', '\\/')).join('|');
/** Labels long enough to be believed right after other text (`IT之家发布时间：…`). */
const LONG_LABELS = LABELS.filter(([label, role]) => label.length >= 4 && role !== 'other')
  .map(([label]) => label)
  .join('|');
/**
 * Credits written with a slash (文/张三 图/李四 图文/张三 审核/王五 编辑/赵六): the labels without a
 * role of their own (文, 图文, 報導, 整理…) name writers, the others have their label's role (图/ the
 * pictures').
 */
const SLASH_LABELS = [
  '图文',
  '圖文',
  '文图',
  '文圖',
  '文',
  '图',
  '圖',
  '撰稿',
  '撰文',
  '作者',
  '记者',
  '記者',
  '摄影',
  '攝影',
  '图片',
  '圖片',
  '摄像',
  '攝像',
  '视频',
  '視頻',
  '制图',
  '製圖',
  '插图',
  '插圖',
  '编辑',
  '編輯',
  '责编',
  '責編',
  // Taiwan's 報導／王家俊, 採訪／…, 編譯／… and 整理／… credit the story's writer
  '報導',
  '报道',
  '採訪',
  '采访',
  '編譯',
  '编译',
  '整理',
].concat(LABELS.filter(([, role]) => role === 'other').map(([label]) => label));
/** A comma right before the next label: it divides fields as a space does (作者：张三，单位：示例大学). */
const COMMA_BEFORE_LABEL = new RegExp(`[，,；;]\\s*(?=(?:${LABEL_ALTERNATION})\\s*[:：])`, 'gu');
/** What may stand between an outlet and 记者 without being its name: 全媒体记者, 首席记者, 驻京记者. */
const STAFF_RANK =
  '全媒体|全媒體|融媒体|融媒體|新媒体|新媒體|首席|资深|資深|高级|高級|特派|驻[\\u4e00-\\u9fff]{1,4}?|駐[\\u4e00-\\u9fff]{1,4}?';
/** A junior reporter's mark before 记者 (实习记者, 见习记者, 特约记者). */
const JUNIOR_RANK = '實習|实习|見習|见习|特約|特约';
/** What an outlet's name ends with (新京报, 红星新闻, 界面新闻, 人民网, 新华社, 央视台). */
const OUTLET_SUFFIX =
  '日報|日报|時報|时报|晚報|晚报|週刊|周刊|雜誌|杂志|電子報|电子报|新聞|新闻|報|报|網|网|社|台';
/**
 * A label followed by a colon (ASCII or full-width; Taiwan magazines use a full-width bar, 文｜王家俊),
 * or a slash credit's label followed by a slash (or a middle dot, as magazines print it: 文·张三),
 * or a reporter's label right after the outlet's name (新华社记者：, 央视网驻京记者：).
 */
const LABEL_RE = new RegExp(
  `(?:^|(?<=[\\s【\\[（(〔|｜丨/,，;；]|[^\\p{L}]))(${LABEL_ALTERNATION})\\s*(?:[:：｜丨]|\\|(?!\\|))|(${LONG_LABELS})\\s*[:：]|(?:^|(?<=[\\s【\\[（(〔]))(${SLASH_LABELS.join('|')})\\s*(?:[/／:：｜|丨]|[·・](?=\\s*[\\u4e00-\\u9fff]))|(?:^|(?<=[|｜]\\s*))(${ENGLISH_ALTERNATION})\\s*:|(?<=\\s)(Published)\\s*:|(?:^|(?<=[\\s【\\[（(〔|｜丨]))(?!本報|本报|本網|本网|本台|本刊)([\\u4e00-\\u9fff]{1,8}(?:${OUTLET_SUFFIX}))((?:${STAFF_RANK}|${JUNIOR_RANK})?(?:记者|記者))\\s*[:：]`,
  'gu',
);
/** What a post's date lead may touch: a floor's badge (楼主, 沙发, 3楼) or the post itself (帖子发表于). */
const POST_BADGE = '楼主|樓主|沙发|沙發|板凳|[楼樓]|帖子|本帖';
/**
 * Forum and blog posts: `发表于 2005-5-7 21:23`, `Posted on May 7, 2005`, `kingname发布于 2020-06-01`,
 * a blog footer's `posted @ 2010-05-07 21:23` and `posted by 张三 at 2010-05-07` — a date lead without a
 * colon.
 */
const DATE_LEAD = new RegExp(
  String.raw`(?:(?:^|[\s【[（(|])(?:发表于|發表於|发布于|發佈於|发表时间|posted\s+on|published\s+on|published|posted\s*@|posted|post\s+by(?=\s*[:：]\s*\d)|(?<=\bposted\s+by\s.{1,30})at)|(?<=[A-Za-z0-9_]|${POST_BADGE}|文章|本文)(?:发表于|發表於|发布于|發佈於))\s*[:：]?\s*(?=\d|[A-Z][a-z]{2}|(?:今天|昨天|前天|今日|昨日|刚刚|剛剛)(?:\s|\d|$))`,
  'iu',
);
/**
 * `老树 发表于 2008-12-7`, `张三 于 2023-05-12 08:23 发布`, `kingname发布于 2020-06-01`: the one name
 * before a post's date lead (a 楼主 badge may precede it). A Latin handle may touch the lead.
 */
const POSTER_BEFORE_DATE =
  /(?:^|\s)([\p{L}\p{N}_.·-]{2,20}?)(?:\s+|(?<=[A-Za-z0-9_])(?=[发發]))(?:发表于|發表於|发布于|發佈於|已?于(?=\s*(?:19|20)\d{2}\s*[-/.年]))\s*[:：]?\s*\d/u;
/**
 * Blog footers and headers: `posted @ 2010-05-07 21:23 kingname 阅读(12)` (or `posted on`, and a
 * Latin name of two or three words: `Demi Xia Views(12)`), `Posted by Jane Doe at 9:30`, and a
 * WordPress theme's `Posted on 2019-03-05 by 张三`.
 */
const BLOG_AUTHOR =
  /[Pp]osted\s*(?:@|on)\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}\s+(?![Bb]y\s)([^\s()（）|]{2,30}(?:\s(?!(?:Views?|Comments?|Edit|Read|Reads|Favorites?)\b|[A-Z][\w.-]*\()[A-Z][\w.-]*){0,2})(?=\s|$)|\b(?:[Pp]osted\s+on\b[^|]{1,40}?\s|[Pp]osted\s+)by\s+([A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff.-]*(?:\s[A-Z][\w.-]*){0,2})/;
/**
 * （记者 张三 李四）, 本报记者 王五, 特约评论员 赵六: a reporter's or commentator's label followed by a
 * space instead of a colon.
 */
const REPORTER_SPACED =
  /(?:本报|新华社|央视|人民网|新华网)?(记者|記者|通讯员|通訊員|特约记者|见习记者|评论员|評論員)\s+((?:[\u4e00-\u9fff·]{2,5}(?:\s+|、|，|,|$|(?=[）)】\]])))+)/u;
/**
 * 記者王家俊／台北報導, 【丁牧群╱台北報導】, 记者 张三/长春报道, 2014.01.05 王家俊/台北報導: names, a
 * slash, a place, 報導.
 */
const REPORTER_SLASH =
  /(?:(?:實習|实习|見習|见习|特約|特约)?(?:記者|记者|編譯|编译)|文|^|[【[（(〔]|(?<=\d\s))\s*((?:[\u4e00-\u9fff·]{2,4}[、，,\s]*){1,4}?)\s*[／/╱]\s*[\u4e00-\u9fff]{1,8}?(?:報導|报道|報道|電|电)/u;
/**
 * 张三/文 李四/图, 本报记者 张三/文, 王五/摄: the names before the slash and their role after it, as
 * newspapers of the 2000s print them (文/张三 with the label first is LABEL_RE's). 文 and 图文 name
 * writers, as in the label-first form; 图, 摄 and 摄影, who made the pictures.
 */
const POSTFIX_CREDIT =
  /(?<=^|[\s【[（(〔■□●◎:：]|记者|記者|通讯员|通訊員)([\u4e00-\u9fff·]{2,4})\s*[/／]\s*(文图|文圖|图文|圖文|摄影|攝影|文|图|圖|摄|攝)(?=$|[\s】\]）)，,、])/gu;
/**
 * `张三 文`, `张三 文/图`, `王家俊 文／攝`: one name and the writer's role after a space, alone on the
 * line (in a run of credits a space can as well divide two names).
 */
const NAME_THEN_WRITER =
  /^([\u4e00-\u9fff·]{2,4})\s+(?:文|文图|文圖|图文|圖文|文\s*[/／]\s*(?:图|圖|摄|攝))$/u;
/** (POSTFIX_CREDIT without its global flag's state, for a yes or no) */
const HAS_POSTFIX_CREDIT = new RegExp(POSTFIX_CREDIT.source, 'u');
/** 政治中心／王家俊報導, 社會中心／王家俊、李四 報導: a newsroom desk, a slash, then the names. */
const DESK_CREDIT =
  /^[\u4e00-\u9fff]{2,6}中心\s*[／/╱]\s*((?:[\u4e00-\u9fff·]{2,4}[、，,\s]*){1,4}?)\s*(?:報導|报道|報道)$/u;
/**
 * 記者王家俊 台北報導, TVBS 記者王家俊 報導, 記者王家俊台灣台北報導: a reporter label, names, then a
 * place and 報導 with a space or nothing between (the place is told from the names by a known place).
 */
const REPORTER_REPORTS =
  /(?:實習|实习|見習|见习|特約|特约)?(?:記者|记者|編譯|编译)\s*([\u4e00-\u9fff、·]{2,24}?)(?:\s+([\u4e00-\u9fff]{0,8}?))?(?:綜合|综合|連線|连线|即時|即时)?(?:報導|报道|報道)/u;
/** （记者张三）, （记者张三 通讯员李四）, 【记者 王五】: the credits of a bracketed lead, spaces or not. */
const BRACKET_CREDIT =
  /[（(【[]\s*((?:(?:本报|本報)?(?:见习|實習|实习|特约|特約)?(?:记者|記者|通讯员|通訊員)\s*[\u4e00-\u9fff·]{2,4}(?:[、，,\s]+[\u4e00-\u9fff·]{2,4})*\s*)+)[）)】\]]/u;
/** 中央社記者黃雅詩台北29日電, 新华社记者张三北京3月5日电: agency, names, place, day, 電. */
const AGENCY_DATELINE =
  /(中央社|新華社|新华社|中新社|中通社|法新社|路透社?|美聯社|美联社|共同社|韓聯社|韩联社)(?:(?:特派|駐[\u4e00-\u9fff]{1,4}|驻[\u4e00-\u9fff]{1,4})?(?:記者|记者))([\u4e00-\u9fff、·]{2,24}?)\s*(?:\d{1,2}月)?\d{1,2}日\s*(?:專|专)?(?:電|电)/u;
/**
 * A reporter's credit opening a paragraph without brackets, up to where it says reported
 * (`記者王家俊／台北報導 行政院今日…`, `東森新聞記者王家俊／台北報導行政院…`, the outlet and the date
 * before it too): the candidate a lead's byline is read from.
 */
export const UNBRACKETED_LEAD = /^[^，。！？；「“]{4,40}?(?:報導|报道|報道)/u;

/**
 * A newspaper's own lead, 【明報專訊】, 〔自由時報訊〕, 【大紀元2013年11月29日訊】, 【on.cc東網專訊】,
 * 【星島日報報道】 (報道 only after a name ending like an outlet's: 綜合報導 names none), or the paper's
 * name alone (【蘋果日報】: only a newspaper's or news site's ending, so 【今日關注】 is none): its outlet.
 */
export const NEWSPAPER_LEAD =
  /^[【[〔（(]\s*(?:((?:[A-Za-z][A-Za-z.]{1,8})?[\u4e00-\u9fff]{2,8}?)(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)?(?:專訊|专讯|快訊|快讯|訊|讯|(?<=[報报網网社台])(?:報道|报道|報導))|([\u4e00-\u9fff]{2,8}(?:日報|日报|時報|时报|晚報|晚报|新聞網|新闻网|電子報|电子报)))\s*[】\]〕）)]/u;
/**
 * The outlet of a lead: a newspaper's own, or an outlet's dateline without a reporter (新华社北京3月5日电,
 * 央广网北京9月26日消息). 本報訊, 本报讯 name the site itself.
 */
const OUTLET_LEAD = new RegExp(
  String.raw`${NEWSPAPER_LEAD.source}|^[（(【[]?\s*(新華社|新华社|中新社|中新網|中新网|中央社|中通社|人民網|人民网|央視網|央视网|[\u4e00-\u9fff]{1,5}(?:網|网|社|報|报|台))[\u4e00-\u9fff]{0,8}?(?:\d{1,2}月)?\d{1,2}日\s*(?:(?:專|专)?(?:電|电)|訊|讯|消息)|^([\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})?(?:報|报|網|网|社|台))(?:專訊|专讯|訊|讯)(?=\s*[（(【])`,
  'u',
);

/**
 * The outlet named right before a reporter credit, without a label: 中國時報【王家俊／台北報導】,
 * 自由時報記者王家俊／台北報導, 聯合報／記者王家俊／台北報導, 華視新聞 記者王家俊 台北報導, TVBS 記者…,
 * ETtoday新聞雲 記者…. Only names shaped like an outlet (…報, …新聞, …網, …社, …台, a Latin brand,
 * maybe with a few Han characters after it), so a person's name is never taken for one.
 */
const OUTLET_BEFORE_CREDIT = new RegExp(
  String.raw`(?:^|\s|据|據|[〔【（(])(?!本報|本报|本網|本网|本台|本刊|据|據)((?:[\u4e00-\u9fff]{1,8}(?:${OUTLET_SUFFIX})|[A-Za-z][A-Za-z0-9]{1,11}(?:(?!报道|報導|讯|訊)[\u4e00-\u9fff]{1,4}(?=\s))?)(?:[\u4e00-\u9fff]{0,4}[A-Za-z][A-Za-z0-9]{1,11})?)(?:报道|報導|讯|訊)?\s*(?:[／/╱]\s*(?=(?:實習|实习|見習|见习|特約|特约)?(?:記者|记者)))?(?=(?:實習|实习|見習|见习|特約|特约)?(?:記者|记者|編譯|编译)|[【〔]|\s[\u4e00-\u9fff·]{2,4}\s*[／/╱])`,
  'u',
);

/** What precedes a reporter's role, for creditOutlet: `（21世纪经济报道记者 张三）`, `吉林日报全媒体记者`. */
const OUTLET_BEFORE_ROLE =
  /(?:^|[\s【[（(〔])([\u4e00-\u9fffA-Za-z0-9·]{2,14}?)\s?(?=(?:实习|實習|见习|見習|特约|特約)?(?:记者|記者))/u;

/**
 * 公視新聞 王家俊 台北報導, 民視新聞／王家俊、李大明 台北報導, 新頭殼newtalk | 王家俊 綜合報導: an
 * outlet opening the line, the names, then where it was reported from, without a 記者 label.
 */
const OUTLET_NAMES_REPORTS = new RegExp(
  String.raw`^[（(【〔]?\s*((?:[0-9]{0,4}[\u4e00-\u9fff]{1,8}(?:${OUTLET_SUFFIX})|[0-9]{0,4}[\u4e00-\u9fff]{2,8}(?:报道|報導)|[\u4e00-\u9fff]{0,6}[A-Za-z][A-Za-z0-9]{1,11}))\s*[／/╱|｜]?\s*((?:[\u4e00-\u9fff·]{2,4}[、，,]\s*){0,3}[\u4e00-\u9fff·]{2,4})\s+[\u4e00-\u9fff]{0,6}?(?:綜合|综合|即時|即时|連線|连线)?(?:報導|报道|報道)`,
  'u',
);
/**
 * 工商時報 王家俊, 经济日报 张三 李四 2022-05-12: an outlet and its writers alone on the line (a date
 * may close it), each name shaped like a person's.
 */
const OUTLET_THEN_NAMES = new RegExp(
  String.raw`^([\u4e00-\u9fff]{1,8}(?:${OUTLET_SUFFIX}))\s+((?:[\u4e00-\u9fff·]{2,4}[、，,\s]+){0,2}[\u4e00-\u9fff·]{2,4})(?=$|\s+(?:19|20)\d{2}\s*[-/.年])`,
  'u',
);

/**
 * A TV newsroom's credit without 记者 or a slash: the reporters, then maybe where they reported from
 * (`王家俊 台北報導`, `王家俊、李四 高雄報導`, `王家俊 報導`), only on a short line of its own, maybe
 * after the date and time (`2013/11/29 15:10 王家俊 報導`).
 */
const NAMES_PLACE_REPORTS =
  /^[（(【〔]?\s*(?:[\d/.\-:年月日\s]{8,22}\s)?((?:[\u4e00-\u9fff·]{2,4}[、，,]\s*){0,3}[\u4e00-\u9fff·]{2,4})\s+(?:([\u4e00-\u9fff]{2,5}?)(?:綜合|综合|連線|连线|即時|即时)?)?(?:報導|报道|報道)\s*[）)】〕]?(?:\s+[\d/.\-:年月日\s]{8,22})?$/u;

/** The reporters of a NAMES_PLACE_REPORTS credit: people's names, from a known place if one is named. */
function namesPlaceReported(text: string): string[] {
  const placed = text.length <= 40 ? NAMES_PLACE_REPORTS.exec(text) : null;
  const names =
    placed && (placed[2] === undefined || DATELINE_PLACE.test(placed[2])) ? splitNames(placed[1]!) : [];
  return names.every((name) => PERSON_NAME.test(name)) ? names : [];
}

/** `Rti中央廣播電臺 記者王家俊`: a reporter label and the names closing a short line. */
const REPORTER_LAST =
  /(?:實習|实习|見習|见习|特約|特约)?(?:記者|记者)\s*((?:[\u4e00-\u9fff·]{2,4}[、，,\s]*){1,4})$/u;

/**
 * A person's name as Chinese bylines print it: a common surname and one or two more characters, and
 * no outlet's ending (王家俊 beside the date is the writer; 新华社, 人民网, 澎湃 are not people).
 */
export const PERSON_NAME =
  /^[王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯柯洪游翁简簡彭施温溫][\u4e00-\u9fff]{1,2}$(?<![网網报報社台刊号號志誌闻聞媒视視频頻站])/u;

export const OUTLET_ENDING = new RegExp(`(?:${OUTLET_SUFFIX})$`, 'u');
/** An outlet's name, never 本报 or 本网, which name none. */
const outletShaped = (name: string) => OUTLET_ENDING.test(name) && !/^本(报|報|网|網|台|刊)$/.test(name);
/** A credit closing with 摄 (新华社记者 张三 摄, （记者张三摄）): a picture's. */
const PHOTO_TAIL = /[\s\u4e00-\u9fff](摄|攝)\s*[）)】\]]?$/u;
/** …unless a writer's label stands on the line too (文/张三 图/李四 摄). */
const WRITER_LABELLED = /(文|作者|撰文|撰稿)\s*[:：/／｜|]/;
/** A name after an outlet in a credit: a few Han characters, not a role (评论员, 记者). */
const WRITER_NAME = /^(?!.*(记者|記者|评论员|評論員|编辑|編輯|通讯员|通訊員))[\u4e00-\u9fff·]{2,5}$/u;
/** A role in a credit run, maybe after its outlet's name (新京报记者, 每经编辑, 界面新闻记者). */
const CREDIT_ROLE =
  /^([\u4e00-\u9fffA-Za-z0-9·]{0,12}?)(实习记者|實習記者|见习记者|見習記者|特约记者|特約記者|记者|記者|特约评论员|特約評論員|评论员|評論員|通讯员|通訊員|实习生|實習生|摄影|攝影|编辑|編輯|责编|責編|校对|校對|审核|審核)$/u;
const CREDIT_ROLE_OF: Record<string, Role> = {
  摄影: 'photo',
  攝影: 'photo',
  编辑: 'editor',
  編輯: 'editor',
  责编: 'editor',
  責編: 'editor',
};
const creditRole = (role: string): Role =>
  CREDIT_ROLE_OF[role] ?? (/校|审|審/.test(role) ? 'other' : 'author');

/**
 * Words before an outlet's name that are no part of it: "according to" (据新华社) and "compiled
 * from" or "taken from" (综合自新华网、人民网, 综合新华社、人民网 before a list, 转自新华网).
 */
const BEFORE_OUTLET = /^(?:据|據|综合自|綜合自|综合整理自|转自|轉自|(?:综合|綜合)(?=[^、，,]{2,}[、，,]))\s*/;
/** A 公众号 named as one, its name in quotes (`微信公众号“长春发布”`): the account's name. */
const NAMED_ACCOUNT = /^(?:微信)?(?:公众号|公眾號)\s*[:：]?\s*[“"「『]?([^”"」』]{2,30})[”"」』]?$/u;

const STAFF_QUALIFIER = new RegExp(`(?:${STAFF_RANK})$`, 'u');

function withoutQualifiers(prefix: string): string {
  let name = prefix;
  while (STAFF_QUALIFIER.test(name)) name = name.replace(STAFF_QUALIFIER, '');
  return name;
}

/**
 * The outlet in what precedes a reporter's role, or null: an outlet-shaped name once its staff
 * qualifiers are cut (吉林日报全媒体记者, 新华社驻京记者), a newspaper and its online edition joined by
 * a dot (中国青年报·中青在线记者), or a paper named …报道 (21世纪经济报道记者: right before 记者,
 * 报道 is no dateline).
 */
function creditOutlet(prefix: string): string | null {
  // 据新华社报道 记者 张三, 环球网报道 记者 张三: the outlet that reports, without 据 and 报道
  const name = withoutQualifiers(prefix).replace(BEFORE_OUTLET, '');
  const reporting = name.replace(/(?:报道|報導|讯|訊)$/, '');
  if (outletShaped(reporting)) return reporting;
  if (name.includes('·') && outletShaped(name.split('·')[0]!)) return name;
  return /^[\u4e00-\u9fff0-9]{2,10}(?:报道|報導)$/u.test(name) ? name : null;
}

/** An outlet's commentator, the pen name of its editorials: 人民日报评论员, 新华社特约评论员. */
function isPenName(name: string): boolean {
  const credit = CREDIT_ROLE.exec(name);
  return !!credit && /评论员|評論員/.test(credit[2]!) && outletShaped(credit[1]!);
}

/**
 * The names of an author value without the writers' roles among them (CREDIT_ROLE): `特约评论员
 * 张三` is 张三; `央视网记者 张三` is 张三 of 央视网 (handed to `onOutlet`); with no person after it,
 * an outlet's commentator is its pen name (`人民日报 评论员` is 人民日报评论员).
 */
function withoutRoles(names: readonly string[], onOutlet: (outlet: string) => void): string[] {
  const out: string[] = [];
  names.forEach((name, i) => {
    const credit = CREDIT_ROLE.exec(name);
    const [, outlet = '', role = ''] = credit ?? [];
    const people = names.slice(i + 1).some((next) => WRITER_NAME.test(next));
    const outletName = creditOutlet(outlet);
    if (!credit || creditRole(role) !== 'author') out.push(name);
    else if (outletName) {
      if (people) onOutlet(outletName);
      else out.push(name);
    } else if (/^(本报|本報)?$/.test(withoutQualifiers(outlet))) {
      // a role alone names no one, unless it completes an outlet's pen name
      const last = out.at(-1);
      if (!people && last && isPenName(last + role)) out[out.length - 1] = last + role;
    }
    // a reporter's role after a name no outlet ends like (财新记者 张三) is no person where one follows
    else if (!people) out.push(name);
  });
  return out;
}

/**
 * A credit run without colons, each role followed by its names: `新京报记者 张三 编辑 李四 校对 王五`,
 * `红星新闻记者 张三 实习记者 李四`, `界面新闻记者 | 张三`. Only when the line is nothing else: roles
 * and two-to-four-character names (a place and 报道 may close it: 21世纪经济报道记者 张三 北京报道).
 */
function creditRun(
  text: string,
): { authors: string[]; editors: string[]; photographers: string[]; outlet: string | null } | null {
  // a run may stand in brackets of its own: （编辑 张三）, 【记者 张三 编辑 李四】
  const bare = /^[（(【[]([^（）()【】[\]]+)[）)】\]]$/u.exec(text.trim())?.[1] ?? text;
  const tokens = bare.split(/[\s|｜丨]+/).filter(Boolean);
  const out = {
    authors: [] as string[],
    editors: [] as string[],
    photographers: [] as string[],
    outlet: null as string | null,
  };
  let role: Role | null = null;
  let named = false;
  // an outlet may open the run on its own, before a role alone (21世纪经济报道 记者 张三 北京报道)
  const opening = tokens.length > 2 && CREDIT_ROLE.exec(tokens[1]!);
  if (opening && !opening[1] && !CREDIT_ROLE.test(tokens[0]!)) {
    out.outlet = creditOutlet(tokens[0]!);
    if (!out.outlet) return null;
    tokens.shift();
  }
  for (const token of tokens) {
    const credit = CREDIT_ROLE.exec(token);
    if (credit) {
      role = creditRole(credit[2]!);
      const outlet = credit[1]!;
      if (role === 'author') out.outlet ??= creditOutlet(outlet);
      continue;
    }
    if (/(报道|報導|報道)$/.test(token) && named) break;
    if (!role || !/^[\u4e00-\u9fff·]{2,4}$/u.test(token)) return null;
    named = true;
    if (role === 'author') out.authors.push(token);
    else if (role === 'editor') out.editors.push(token);
    else if (role === 'photo') out.photographers.push(token);
  }
  return named ? out : null;
}

/**
 * After the names, where they reported from: `记者 张三 李四 上海报道` (李四报道 joined to its name
 * is the last writer's credit). A known place, or no person's name.
 */
function isPlaceReported(part: string): boolean {
  const place = /^([\u4e00-\u9fff]{2,5}?)(?:綜合|综合|連線|连线)?(?:报道|報導|報道)$/u.exec(part)?.[1];
  return !!place && (DATELINE_PLACE.test(place) || !PERSON_NAME.test(place));
}

/** Places a dateline names right after the reporters (the name/place boundary is not marked). */
const DATELINE_PLACE =
  /(台北|臺北|新北|桃園|台中|臺中|台南|臺南|高雄|基隆|新竹|嘉義|屏東|宜蘭|花蓮|台東|臺東|澎湖|金門|馬祖|苗栗|彰化|南投|雲林|台灣|臺灣|台湾|大陸|大陆|北京|上海|天津|重慶|重庆|廣州|广州|深圳|香港|澳門|澳门|武汉|武漢|石家庄|鄭州|郑州|沈陽|沈阳|蘇州|苏州|溫州|温州|徐州|杭州|南京|成都|西安|長沙|长沙|長春|长春|哈爾濱|哈尔滨|濟南|济南|青島|青岛|大連|大连|廈門|厦门|福州|南昌|合肥|昆明|貴陽|贵阳|南寧|南宁|海口|蘭州|兰州|銀川|银川|西寧|西宁|拉薩|拉萨|烏魯木齊|乌鲁木齐|呼和浩特|太原|寧波|宁波|無錫|无锡|吉林|延邊|延边|東京|东京|首爾|首尔|華盛頓|华盛顿|紐約|纽约|倫敦|伦敦|巴黎|柏林|莫斯科|新加坡|曼谷|雪梨|悉尼|日內瓦|日内瓦|布魯塞爾|布鲁塞尔|洛杉磯|洛杉矶|舊金山|旧金山|[\u4e00-\u9fff]{2}(?:市|縣|县|省))$/u;

/** How a date label's value starts: a number, a relative day, an English month. */
const DATE_VALUE = /^(?:\d|[０-９]|今天|昨天|前天|刚刚|剛剛|[A-Z][a-z]{2})/;
const DATE_IN_BRACKETS = /[（(]\s*((?:\d|[A-Z][a-z]{2})[^()（）]*?(?:19|20)\d{2}[^()（）]*)[)）]/;

/**
 * Where the poster was, not who published: `发布于 上海` and `IP属地：广东` (social and self-media
 * pages since 2022), `来自 iPhone客户端`. A 来自 followed by an outlet's name (来自 北京青年报) names it.
 */
const LOCATION_NOTE = new RegExp(
  String.raw`(?:IP\s*(?:属地|屬地)|发布于|發佈於|发自|發自)\s*[:：]?\s*(?!\d)[\p{L}\p{N}]+|(?:来自|來自)\s*[:：]?\s*(?![\u4e00-\u9fff]{1,8}(?:${OUTLET_SUFFIX})(?:$|\s))\S+`,
  'gu',
);

/** A label in brackets instead of before a colon: 【发布日期】2015-06-12 【来源】新华网, [作者] 张三. */
const BRACKETED_LABEL = new RegExp(`[【\\[]\\s*(${LABEL_ALTERNATION})\\s*[】\\]](?!\\s*[:：])`, 'gu');
/**
 * "Comes from" says what a colon would (`来源于 《财新周刊》`, `本文来源于新华社`): only opening the
 * line or after a space or a bar, so that prose (数据来源于统计局) keeps its words.
 */
const COLONLESS_FROM = /(^|[\s|｜])((?:本文|文章)?(?:来源于|來源於))(?!\s*[:：])\s*(?=\S)/gu;
const SPACED_LABEL = /(?<![\u4e00-\u9fff])(?:[\u4e00-\u9fff] ){1,4}[\u4e00-\u9fff](?=\s*[:：])/gu;
const SEPARATOR = /\s*[|｜丨]\s*|\s{2,}|\u3000+/;
const NAME_SPLIT = /[\s、,，;；/／&＆]+|和(?=[\u4e00-\u9fff]{2,4}$)/u;
/**
 * Between names that keep their inner spaces (`Demi Xia`, an organisation's long name): commas,
 * `and`, `&`, semicolons and slashes only, and French `et` before a capital (`A et B`; a desk's
 * `Zone Justice et faits divers` stays one). Spanish `y` and Portuguese `e` are left alone: they
 * join one person's surnames (Ortega y Gasset).
 */
export const LATIN_NAME_SPLIT =
  /\s*(?:[,，、;；&＆/／]|\b[Aa]nd\b|\bAND\b|\b[Uu]nd\b)\s*|\s+et\s+(?=\p{Lu})/u;
/**
 * Portals and self-media platforms: they publish, they do not write, and their name after an
 * account's (财经观察者 百家号) is not the outlet's.
 */
export const PORTAL =
  /^(网易|網易|网易新闻|网易号|新浪|新浪网|新浪新闻|新浪财经|新浪微博|微博|腾讯|騰訊|腾讯网|腾讯新闻|企鹅号|搜狐|搜狐网|搜狐号|凤凰网|凤凰新闻|大风号|澎湃号|一点号|今日头条|头条号|头条|百家号|百度|一点资讯|微信|微信公众号|公众号|UC|趣头条|ZAKER|Yahoo|Yahoo奇摩|雅虎|MSN|Google|LINE TODAY)$/i;

/**
 * What templates print where no one is named: placeholders (a template's own `name, email@…`), the
 * CMS's user, the site itself, the page's own newsroom (本报讯: "this paper reports", `From staff
 * reports`) and a repost mark (转载).
 */
export const PLACEHOLDER_NAME =
  /^(未知|不详|不詳|佚名|暂无|無|无|none|null|undefined|name|your name|author name|姓名|staff|(?:from )?(?:staff|wire)(?: and wire)? reports?|news desk|web desk|admin|administrator|webmaster|网络|網路|網絡|互联网|互聯網|综合|綜合|本站|本网|本網|本报|本報|本刊|本台|本报讯|本報訊|本网讯|本網訊|本台讯|本臺訊|本刊讯|转载|轉載|原创|本站原创|本网原创|管理员|系统管理员|管理員|编辑|記者|记者|作者|小编|网友|匿名|楼主|游客)$/i;

/**
 * Where a names field stops: another kind of text follows (hotline, phone, e-mail, a sentence), or
 * another role's credit without its colon (`記者：王家俊 / 攝影 李四`).
 */
const NAMES_END =
  /[。！？!?]|[\u4e00-\u9fff]{0,4}(热线|电话|邮箱|投稿|声明|版权)|[:：]|\s\d{5,}|\s(e-?mail|tel|phone|fax)\s*[:：.]|(?:^|[\s/／|｜])(攝影|摄影|攝像|摄像|編輯|编辑|剪輯|剪辑)\s/iu;

const isLatin = (text: string) => !/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u.test(text);

/** A translated writer's country before the name: `[美] 约翰·史密斯`, `（英）`. */
const COUNTRY_MARK = /^\s*[[【(（〔]\s*[\u4e00-\u9fff]\s*[\]】)）〕]\s*/u;

/** An institution named beside its people (吉林大学 张三): their affiliation, not a writer. */
const INSTITUTION =
  /^[\u4e00-\u9fff]{2,16}(大学|大學|学院|學院|研究院|研究所|研究中心|医院|醫院|协会|協會|学会|學會|委员会|委員會|公司|集团|集團|中学|中學|小学|小學)$/u;

/**
 * What a run of CJK characters after a writer's label says when it is no name: where the piece came
 * from or who put it together (本文来自网络, 网络整理, 综合报道), a link's or a placeholder's words
 * (点击进入专栏, 暂无作者信息), a role without its person (特约撰稿人), or a sentence.
 */
const NOT_A_NICKNAME =
  /本文|本站|本网|来自|來自|来源|來源|转自|轉自|转载|轉載|网络|網絡|網路|整理|提供|综合|綜合|报道|報導|发布|發布|投稿|作者|撰稿人|点击|點擊|查看|进入|進入|浏览|瀏覽|更多|暂无|暫無|未知|不详|不詳|信息|資訊|主页|主頁|[了吗呢啊吧]$/u;

/**
 * Whether an all-CJK run longer than a personal name is a writer's: only as the whole value of a
 * writer's label (作者：长白山下的老农, 作者：吉林省气象局), where a forum's or blog's nickname or an
 * organisation stands; run into other text it is a phrase.
 */
function longNameDeclared(name: string, parts: number): boolean {
  return parts === 1 && name.length <= 12 && !NOT_A_NICKNAME.test(name);
}

/**
 * A run of six to twelve CJK characters that is wholly people's names of two or three characters,
 * each shaped like one (王小明李大海, 李白杜甫王维), as those names; null for anything else (a
 * nickname, an organisation). Three-character names are tried first.
 */
function runTogetherNames(run: string): string[] | null {
  if (!/^[\u4e00-\u9fff]{6,12}$/u.test(run)) return null;
  const split = (rest: string): string[] | null => {
    if (!rest) return [];
    for (const size of [3, 2]) {
      const head = rest.slice(0, size);
      if (head.length < size || !PERSON_NAME.test(head)) continue;
      const tail = split(rest.slice(size));
      if (tail) return [head, ...tail];
    }
    return null;
  };
  return split(run);
}

/** A post's badge in brackets before the writer's name (`作者：[原创]张三`, `【转载】`): no part of it. */
const NAME_BADGE = /^\s*[[【(（]\s*(?:原创|原創|转载|轉載|独家|獨家|首发|首發|推荐|推薦)\s*[\]】)）]\s*/;

/**
 * The names in a names field. `declared`: the field is a writer's label's whole value, where one
 * longer name (a nickname, an organisation) is believed.
 */
export function splitNames(value: string, declared = false): string[] {
  const cut = cutAtFurniture(
    value
      .replace(/^(by|von|par|por)\s+/i, '')
      .replace(COUNTRY_MARK, '')
      .replace(NAME_BADGE, ''),
  );
  const end = NAMES_END.exec(cut);
  const field = (end ? cut.slice(0, end.index) : cut).replace(/[（(][^）)]*[）)]/g, ' ');
  let parts = isLatin(field) ? field.split(LATIN_NAME_SPLIT) : field.split(NAME_SPLIT);
  // a two- or three-character name spaced out to fill its cell (张  三)
  if (parts.length >= 2 && parts.length <= 3 && parts.every((part) => /^[\u4e00-\u9fff]$/u.test(part)))
    parts = [parts.join('')];
  const names = parts
    .filter((part, i) => i === 0 || !isPlaceReported(part))
    .map((n) =>
      cleanName(n)
        .replace(
          /^(本报|本台|本刊|本网|本報)?(?:(见习|特约|实习|見習|特約|實習)?(记者|記者|通讯员|通訊員|编译|編譯)|实习生|實習生)/,
          '',
        )
        // an outlet's reporter run on into the name (新京报记者张三): the name
        .replace(/^[\u4e00-\u9fff·]{2,12}?(?:记者|記者)(?=[\u4e00-\u9fff·]{2,4}$)/u, '')
        .replace(/(摄影?|攝影?|报道|報導|整理|编译|編譯|综合)$/, '')
        // and others (张三等)
        .replace(/(?<=^[\u4e00-\u9fff·]{2,4})等$/u, ''),
    )
    .filter((n) => n.length >= 2 && n.length <= 40 && !PLACEHOLDER_NAME.test(n) && !/^\d+$/.test(n))
    // a widget's count run on after the names (作者：张三 0人参与 0评论)
    .filter((n) => !COUNTER_TOKEN.test(n))
    // people's names run together without a space (王小明李大海) are those people
    .flatMap((n) => (declared ? (runTogetherNames(n) ?? [n]) : [n]))
    // a Chinese personal name is short; a longer all-CJK run is a phrase, not a name, unless it
    // is an outlet's commentator, a pen name (人民日报评论员)
    .filter(
      (n, _, all) =>
        !/^[\u4e00-\u9fff]+$/u.test(n) ||
        n.length <= 5 ||
        isPenName(n) ||
        (declared && longNameDeclared(n, all.length)),
    );
  const people = names.filter((n) => !INSTITUTION.test(n));
  return unique(people.length ? people : names).slice(0, 20);
}

/** A 公众号's ID after its name: `示例财经（ID：shili）`, `(微信ID: abc)`. */
const ACCOUNT_ID = /\s*[（(]\s*(?:微信)?(?:ID|号)\s*[:：][^)）]*[)）]?/i;

/** A 来源 that says how the story came, not from whom: readers' submissions, the web at large. */
const NO_OUTLET =
  /^(?:网友投稿|網友投稿|读者投稿|讀者投稿|投稿|网络整理|網路整理|網絡整理|综合报道|綜合報導|综合整理|綜合整理|网络转载|網路轉載|网络来源|網路來源)$/;

/** Whether a source value names no outlet: a placeholder (本站, 转载) or how the story came (网友投稿). */
export function namesNoOutlet(value: string): boolean {
  return PLACEHOLDER_NAME.test(value) || NO_OUTLET.test(value);
}

function cleanSource(value: string): string | null {
  let source = cutAtFurniture(value.replace(ACCOUNT_ID, '').split(SEPARATOR)[0] ?? '');
  source = source
    // an account's @ is no part of its name (@人民日报)
    .replace(/^@(?=\S)/, '')
    // 据新华社, 综合自新华网、人民网: the outlets without the words before them; a badge after the
    // name (新华网 原创) is no part of it either
    .replace(BEFORE_OUTLET, '')
    .replace(/\s*[（(]?(?:原创|原創|独家|獨家)[)）]?$/, '')
    // compiled from the outlet's stories (新华社 综合): the outlet
    .replace(/(?<=\S)\s+(?:综合|綜合|整理)$/u, '')
    .replace(NAMED_ACCOUNT, '$1')
    .trim();
  // a credit without a colon runs on after the outlet (来源：新华社 记者 张三): the outlet ends there
  let words = source.split(' ');
  const role = words.findIndex((word, i) => i > 0 && CREDIT_ROLE.test(word));
  if (role > 0) words = words.slice(0, role);
  source = words.join(' ');
  // the writer's name in the next element runs on after the outlet (来源：汽车之家 张三)
  if (words.length > 1 && words.slice(1).every((word) => PERSON_NAME.test(word))) source = words[0]!;
  if (!source || source.length > 60 || namesNoOutlet(source) || /^[\d\s:：-]+$/.test(source)) return null;
  return source;
}

/** The reporters of a dateline (黃雅詩台北 → 黃雅詩; 张三、李四北京 → 张三, 李四). */
function datelineNames(run: string): string[] {
  let withoutPlace = run;
  // 王家俊台灣台北: a country or region can precede the city
  for (let i = 0; i < 3 && DATELINE_PLACE.test(withoutPlace); i++)
    withoutPlace = withoutPlace.replace(DATELINE_PLACE, '');
  const names = withoutPlace.split(/[、·]/).filter(Boolean);
  // no known place: a Chinese name is most often three characters
  if (withoutPlace === run && names.length === 1 && run.length > 3) return [run.slice(0, 3)];
  return names.filter((n) => n.length >= 2 && n.length <= 4);
}

/** Names run into a place with nothing between (王家俊台灣台北): only when a known place ends them. */
function placedNames(run: string): string[] {
  return DATELINE_PLACE.test(run) ? datelineNames(run) : run.length <= 4 ? splitNames(run) : [];
}

/** Newspapers mark the byline that opens a story: `□ 本报记者 张三`, `■张三`, `◎ 记者 王五`. */
const BYLINE_MARK = /^[□■◎●○◆◇▲△★☆]\s*/u;

/**
 * A line of person-shaped names only after a newspaper's mark (`□ 孙八`, `■张三 李四`): the writers.
 * Not after a list's bullets (●付属品 opens a product's list of parts).
 */
const NAMES_MARK = /^[□■◎]\s*/u;
function markedNames(text: string): string[] {
  const mark = NAMES_MARK.exec(text);
  if (!mark) return [];
  const names = text
    .slice(mark[0].length)
    .split(/[\s、，,]+/)
    .filter(Boolean);
  return names.length <= 3 && names.every((name) => PERSON_NAME.test(name)) ? names : [];
}

/**
 * The line with its spaces collapsed, its byline mark (□ ■ ◎ …) dropped, labels spaced out to fill a
 * table cell (发 布 日 期：) joined and labels in brackets (【来源】) or saying "from" (来源于) given a colon.
 */
function labelsJoined(line: string): string {
  return collapseSpace(line)
    .replace(BYLINE_MARK, '')
    .replace(SPACED_LABEL, (label) => label.replace(/ /g, ''))
    .replace(BRACKETED_LABEL, ' $1：')
    .replace(COLONLESS_FROM, '$1$2：');
}

/**
 * A repost's credit to the 公众号 it came from, at the top or foot of a tech or finance portal's
 * story: `本文来自微信公众号“硅星人Pro”（ID：guixingren123），作者：张三，36氪经授权发布。` The account
 * is the outlet, the 作者 the writer.
 */
const REPOST_CREDIT =
  /^(?:本文|文章)?(?:经授权)?(?:来自|转载自|转自|来源于|来源\s*[:：])\s*(?:微信)?公众号\s*[:：]?\s*[“"「『]?([^”"」』（(，,。\s]{1,30})[”"」』]?\s*(?:[（(]\s*(?:微信)?ID\s*[:：]\s*[\w.-]+\s*[)）])?\s*(?:[，,]\s*作者\s*[:：]?\s*([^，,。；;（(]{1,30}))?/iu;

/** A year and month: the dated line of a byline zone. */
export const DATE_AT = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}/;

/**
 * `来源 CSDN | 作者 魏星`, `作者 张三 来源 新华社`, `2024-12-01 08:30 作者 张三`: labels without a colon,
 * each followed by its value. Believed with a | between fields, two such labels or a date on the
 * line; one alone is as likely prose (作者 张三说).
 */
function colonlessFields(text: string): Array<[Role, string]> {
  const pairs: Array<[Role, string]> = [];
  for (const segment of text.split(/\s*[|｜丨]\s*/)) {
    const tokens = segment.split(' ');
    for (let i = 0; i + 1 < tokens.length; i++) {
      const role = ROLE_OF.get(tokens[i]!);
      if (!role || role === 'other' || role === 'date' || ROLE_OF.has(tokens[i + 1]!)) continue;
      // a Latin name keeps its words (作者 Demi Xia); a CJK value is one token
      let value = tokens[++i]!;
      while (/^[A-Za-z]/.test(value) && /^[A-Z][a-z.]*$/.test(tokens[i + 1] ?? ''))
        value += ` ${tokens[++i]}`;
      pairs.push([role, value]);
    }
  }
  return pairs.length >= 2 || (pairs.length && /[|｜丨]/.test(text)) || (pairs.length && DATE_AT.test(text))
    ? pairs
    : [];
}

/** One of a wire story's closing credits: `Reporting by A and B in London`, `Editing by C`. */
const WIRE_CREDIT = new RegExp(String.raw`^(${WIRE_ROLE}) by\s+(.+?)(?:\s+in\s+[A-Z][\w\s-]*)?$`, 'i');

/** `Reporting by A; Writing by B; Editing by C` (Reuters): its writers and editors, or null. */
function wireCredits(text: string): Pick<Byline, 'authors' | 'editors'> | null {
  if (text.length > 300 || !WIRE_CREDITS.test(text)) return null;
  const out = { authors: [] as string[], editors: [] as string[] };
  // (inside the brackets some wires close with: `(Reporting by A; Editing by B.)`)
  for (const part of text.replace(/^\s*\(|\)\.?\s*$/g, '').split(/\s*;\s*/)) {
    const credit = WIRE_CREDIT.exec(part.trim().replace(/[.;]$/, ''));
    if (!credit) continue;
    const role = credit[1]!.toLowerCase();
    // who did additional reporting or research helped the writers
    if (role.startsWith('edit')) out.editors.push(...splitNames(credit[2]!));
    else if (role === 'reporting' || role === 'writing') out.authors.push(...splitNames(credit[2]!));
  }
  return out.authors.length || out.editors.length ? out : null;
}

/** Where a field of a byline ends and the next begins: a bar, a wide space, or a date and its time. */
const FIELD_BREAK =
  /\s*[|｜丨]\s*|\u3000+|\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*/;

/** Reads the fields of one line of text: labelled ones, and the unlabelled credits news pages print. */
export function parseByline(line: string): Byline {
  const text = labelsJoined(line.slice(0, 1_000));
  const result: Byline = { source: null, authors: [], editors: [], photographers: [], dateText: null };
  const repost = REPOST_CREDIT.exec(text);
  if (repost) {
    result.source = repost[1]!;
    if (repost[2]) result.authors = splitNames(repost[2]);
    return result;
  }
  const wire = wireCredits(text);
  if (wire) return { ...result, ...wire, wire: true };
  const marks: Array<{ role: Role; label: string; start: number; end: number; outlet?: string }> = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(text); m; m = LABEL_RE.exec(text)) {
    const label = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[7]!;
    // an English label alone on its line (`Source: Shutterstock` under a picture) credits a picture
    // or a chart; with a date or another label beside it, it is the story's byline
    // (a writer's label is believed alone: `Author: Jane Doe`)
    if (
      m[4] &&
      ROLE_OF.get(m[4]) !== 'author' &&
      marks.length === 0 &&
      !ENGLISH_BYLINE_COMPANY.test(text.slice(m.index + m[0].length))
    )
      continue;
    // 文/ and 图/ name writers, as does a reporter's label after an outlet; any other label without
    // a role is furniture
    const role: Role = ROLE_OF.get(label) ?? (m[3] || m[7] ? 'author' : 'other');
    marks.push({ role, label, start: m.index, end: m.index + m[0].length, outlet: m[6] });
  }
  let updated = false;
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i]!;
    const stop = marks[i + 1]?.start ?? text.length;
    // A value runs to the next label; cutAtFurniture ends it at a bracket, | or a widget.
    const value = text.slice(mark.end, stop).trim();
    if (!value) continue;
    if (mark.role === 'date') {
      // 发布于：北京市 is where it was posted from, not when; a date may follow the place in
      // brackets (a BBS's 发信站: 水木社区 (Fri Mar  5 10:21:33 2010))
      const dated = DATE_VALUE.test(value) ? value : DATE_IN_BRACKETS.exec(value)?.[1];
      // when the page went out, not when it was last updated, where a line prints both in either
      // order (更新时间：2015-06-13 发布时间：2015-06-12)
      if (dated && (!result.dateText || (updated && !UPDATE_LABEL.test(mark.label)))) {
        result.dateText = dated;
        updated = UPDATE_LABEL.test(mark.label);
      }
      continue;
    }
    if (mark.role === 'source' && !result.source) result.source = cleanSource(value);
    else if (mark.role === 'editor') result.editors.push(...splitNames(value.split(SEPARATOR)[0] ?? ''));
    else if (mark.role === 'author' || mark.role === 'photo') {
      // a bracket after a name is a note on it, not another name: zhangsan (张三), 张三（实习生）
      const labelled = splitNames(
        value.split(FIELD_BREAK)[0]!.replace(/\s*[（(][^()（）]{1,20}[)）]/g, ''),
        mark.role === 'author',
      );
      const names = withoutRoles(labelled, (outlet) => {
        if (mark.role === 'author') result.source ??= outlet;
      });
      // the outlet before the names (文/观察者网 张三, 作者：新华社 李四) is no person: a writer's is
      // the source, a photographer's agency is not
      const [first, ...rest] = names;
      if (rest.length && outletShaped(first!) && rest.every((name) => WRITER_NAME.test(name))) {
        if (mark.role === 'author') result.source ??= first!;
        names.shift();
      }
      // the reporter's outlet, named before the label (新华社记者：张三)
      if (mark.outlet && names.length) result.source ??= mark.outlet;
      (mark.role === 'author' ? result.authors : result.photographers).push(...names);
    } else if (mark.role === 'organ') {
      const organ = cleanSource(value);
      if (organ) result.authors.push(organ);
    }
  }
  if (!marks.length)
    for (const [role, value] of colonlessFields(text)) {
      if (role === 'source' && !result.source) result.source = cleanSource(value);
      else if (role === 'author') result.authors.push(...splitNames(value));
      else if (role === 'photo') result.photographers.push(...splitNames(value));
      else if (role === 'editor') result.editors.push(...splitNames(value));
    }
  if (!result.dateText) {
    const lead = DATE_LEAD.exec(text);
    if (lead) result.dateText = text.slice(lead.index + lead[0].length);
  }
  if (!result.authors.length) {
    // a forum or blog post's author right before its date lead: `楼主 老树 发表于: 2008-12-07`
    const poster = POSTER_BEFORE_DATE.exec(text);
    if (poster) result.authors.push(...splitNames(poster[1]!));
  }
  if (!result.authors.length) {
    const blog = BLOG_AUTHOR.exec(text);
    // (the sentence's period after the name is no part of it: `Posted by Alon Zakai.`)
    if (blog) result.authors.push(...splitNames((blog[1] ?? blog[2]!).replace(/(?<=\p{L}{2})\.$/u, '')));
  }
  if (!result.authors.length) {
    const dateline = AGENCY_DATELINE.exec(text);
    if (dateline) {
      result.authors.push(...datelineNames(dateline[2]!));
      if (!result.source) result.source = dateline[1]!;
    }
  }
  if (!result.source) {
    const lead = OUTLET_LEAD.exec(text);
    const outlet = lead?.[1] ?? lead?.[2] ?? lead?.[3] ?? lead?.[4];
    if (outlet && !/^(本報|本报|本網|本网|本台|本刊)$/.test(outlet)) result.source = outlet;
  }
  // the credit after an outlet named before it (中國時報【…】) is read without the outlet
  const outletBefore = OUTLET_BEFORE_CREDIT.exec(text);
  const credit = outletBefore ? text.slice(outletBefore.index + outletBefore[0].length) : text;
  const desk = result.authors.length ? null : DESK_CREDIT.exec(credit);
  // only names shaped like a person's: a place stands there too (地方中心／桃園報導), and 綜合
  if (desk) result.authors.push(...splitNames(desk[1]!).filter((name) => PERSON_NAME.test(name)));
  else if (!result.authors.length) {
    const slash = REPORTER_SLASH.exec(credit);
    const names = slash?.[1] ? splitNames(slash[1]) : [];
    // a newsroom's own compiled report (民視新聞／綜合報導) names its outlet, no writer
    const outlet = names.find((name) => name.length > 2 && outletShaped(name));
    if (outlet) result.source ??= outlet;
    result.authors.push(...names.filter((name) => name !== outlet));
  }
  if (!result.authors.length && !result.photographers.length)
    for (const [, name, role] of text.matchAll(POSTFIX_CREDIT))
      (/^(摄|攝|图|圖|摄影|攝影)$/.test(role!) ? result.photographers : result.authors).push(name!);
  if (!result.authors.length) {
    const named = NAME_THEN_WRITER.exec(text.trim());
    if (named) result.authors.push(named[1]!);
  }
  if (!result.authors.length) {
    const named = OUTLET_NAMES_REPORTS.exec(text);
    if (named) {
      result.authors.push(...splitNames(named[2]!).filter((name) => PERSON_NAME.test(name)));
      if (result.authors.length) result.source ??= named[1]!;
    }
  }
  if (!result.authors.length) {
    // near the line's start only: further on, 记者…报道 is prose (记者从…了解到相关报道)
    const reports = REPORTER_REPORTS.exec(credit.slice(0, 60));
    if (reports?.[1] && reports.index <= 30)
      result.authors.push(...(reports[2] === undefined ? placedNames(reports[1]) : splitNames(reports[1])));
  }
  if (!result.authors.length) {
    const bracket = BRACKET_CREDIT.exec(text);
    if (bracket) result.authors.push(...splitNames(bracket[1]!.replace(/(记者|記者|通讯员|通訊員)/g, ' ')));
  }
  const run = marks.length ? null : creditRun(text);
  if (run) {
    result.authors = run.authors;
    result.editors = run.editors;
    result.photographers = run.photographers;
    result.source ??= run.outlet;
    result.creditRun = true;
  }
  if (!result.authors.length) {
    const spaced = REPORTER_SPACED.exec(text);
    if (spaced?.[2]) result.authors.push(...splitNames(spaced[2]));
  }
  if (!result.authors.length && !marks.length) {
    const outletNames = OUTLET_THEN_NAMES.exec(text);
    const names = outletNames ? splitNames(outletNames[2]!) : [];
    const outlet = outletNames?.[1] ?? '';
    // (a portal's name and its channel's, 新浪网 黄金, are no credit)
    if (
      outletShaped(outlet) &&
      !PORTAL.test(outlet) &&
      names.length &&
      names.every((n) => PERSON_NAME.test(n))
    ) {
      result.authors = names;
      result.source ??= outlet;
    }
  }
  if (!result.authors.length) result.authors.push(...namesPlaceReported(text));
  if (!result.authors.length && text.length <= 40) {
    const last = REPORTER_LAST.exec(text);
    if (last) result.authors.push(...splitNames(last[1]!).filter((name) => PERSON_NAME.test(name)));
  }
  if (!result.authors.length) result.authors.push(...markedNames(collapseSpace(line)));
  if (!result.authors.length && !marks.length) {
    // fields set apart by bars or by the date (`新頭殼newtalk | 王家俊/台北報導 | 2013.06.29`,
    // `鉅亨網記者王家俊 台北 2013-06-29 17:22`): each read as a line of its own
    const fields = text.split(FIELD_BREAK).filter((field) => field.trim());
    // (each field shorter than the line: the recursion ends)
    if (fields[0] !== text)
      for (const field of fields) {
        const credited = parseByline(field);
        if (credited.authors.length) {
          result.authors = credited.authors;
          result.source ??= credited.source;
          break;
        }
      }
  }
  if (result.authors.length && !result.source)
    result.source = outletBefore?.[1] ?? creditOutlet(OUTLET_BEFORE_ROLE.exec(text)?.[1] ?? '');
  // a credit closing with 摄 names who took the picture (新华社记者 张三 摄), not who wrote, and
  // the picture's agency, not the story's outlet
  if (PHOTO_TAIL.test(text) && !WRITER_LABELLED.test(text)) {
    result.photographers.push(...result.authors);
    result.authors = [];
    if (!marks.some((mark) => mark.role === 'source')) result.source = null;
  }
  // one person may be both, when the page labels them so (作者：宪瑞 编辑：宪瑞)
  result.authors = unique(result.authors);
  result.editors = unique(result.editors);
  result.photographers = unique(result.photographers);
  return result;
}

/** Whether a line is mostly a byline (labels and their short values), not prose. */
export function isBylineLine(line: string): boolean {
  const text = labelsJoined(line).replace(COMMA_BEFORE_LABEL, ' ');
  if (REPOST_CREDIT.test(text) || wireCredits(text)) return true;
  // byline lines are labels and names, not sentences
  if (text.length > 120 || /[，。？！；?!]/.test(text)) return false;
  LABEL_RE.lastIndex = 0;
  const first = LABEL_RE.exec(text);
  if (!first)
    return (
      (/^[（(【[]?\s*(本报|[\u4e00-\u9fff]{2,6}(?:网|網|社|报|報|台|新闻|新聞))?(?:报道|報導|讯|訊)?\s*[／/╱]?\s*(记者|記者)\s*[\u4e00-\u9fff]{2,4}/.test(
        text,
      ) &&
        text.length < 40) ||
      (DATE_LEAD.test(text) && text.length < 60) ||
      DESK_CREDIT.test(text) ||
      // a credit line of its own: 【王家俊／台北報導】, 民視新聞／王家俊 台北報導, 【信報專訊】
      (text.length < 40 &&
        (REPORTER_SLASH.test(text) ||
          namesPlaceReported(text).length > 0 ||
          OUTLET_NAMES_REPORTS.test(text) ||
          NEWSPAPER_LEAD.test(text) ||
          HAS_POSTFIX_CREDIT.test(text) ||
          NAME_THEN_WRITER.test(text.trim()))) ||
      creditRun(text) !== null ||
      (text.length < 80 && BLOG_AUTHOR.test(text)) ||
      (text.length < 60 && colonlessFields(text).length > 0) ||
      markedNames(collapseSpace(line)).length > 0
    );
  const label = first[1] ?? first[2] ?? first[3]!;
  const role = ROLE_OF.get(label) ?? (first[3] ? 'author' : 'other');
  return role !== 'other' || text.length < 40;
}

/** A date or time as a token of a line (2019-09-26, 15:10, 3天前, an English month or weekday, a zone). */
const DATEISH_TOKEN =
  /^((19|20)?\d{2}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?|\d{1,2}[:：]\d{2}([:：]\d{2})?|\d{1,2}[时時点點]\d{1,2}分(\d{1,2}秒)?|\d{1,2}月\d{1,2}日|今天|昨天|前天|今日|昨日|刚刚|\d+(分钟|小时|天)前|(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?,?|(january|february|march|april|may|june|july|august|september|october|november|december|mon|tues?|wed|thu|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?|(hkt|cst|gmt|utc|est|edt|pst|pdt|cet|cest|bst|jst|kst|sgt|aest|ict)([+-]\d{1,2}(:?\d{2})?)?)$/i;
/**
 * A province or region alone beside the date is where the post came from (self-media pages print
 * the poster's IP region without its 属地 label: `2023-05-12 08:23 四川`), never the outlet.
 */
const REGION_ALONE =
  /^(?:北京|天津|上海|重庆|重慶|河北|山西|辽宁|遼寧|吉林|黑龙江|黑龍江|江苏|江蘇|浙江|安徽|福建|江西|山东|山東|河南|湖北|湖南|广东|廣東|海南|四川|贵州|貴州|云南|雲南|陕西|陝西|甘肃|甘肅|青海|台湾|台灣|内蒙古|內蒙古|广西|廣西|西藏|宁夏|寧夏|新疆|香港|澳门|澳門|海外)$/;
/**
 * A blog's own name, `老树的博客` (maybe qualified: 张三的技术博客, 老树的个人空间, zhangsan的ChinaUnix博客):
 * group 1 is its owner, who wrote its posts. Never an outlet.
 */
export const BLOG_NAME =
  /^(\S{2,12}?)\s?的(?:[\u4e00-\u9fff]{0,2}|[A-Za-z0-9]{2,12})(?:博客|部落格|空间|空間|日志|日誌|专栏|專欄|blog)$/iu;
/** `text` with a blog's name split at its particle made one token again (`老树 的博客` → `老树的博客`). */
const joinParticle = (text: string) => text.replace(/(?<=\S)\s+(?=的)/gu, '');

/** The owner of the blog a line names among its tokens (`老树的博客 2010-05-07 21:23`), or null. */
export function blogOwnerOnLine(text: string): string | null {
  for (const token of joinParticle(text).split(/[\s|｜·•]+/)) {
    const owner = BLOG_NAME.exec(token)?.[1];
    if (owner) return owner;
  }
  return null;
}
/**
 * A newsroom desk or channel alone beside the date is the story's section (`2024-12-01 08:30 社会`,
 * `时政 | 2024-12-01`, `国际频道`), never the outlet.
 */
const DESK_ALONE =
  /^(?:国内|國內|国际|國際|社会|社會|政治|时政|時政|财经|財經|经济|經濟|娱乐|娛樂|体育|體育|科技|生活|健康|教育|文化|旅游|旅遊|汽车|汽車|房产|房產|军事|軍事|两岸|兩岸|要闻|要聞|地方|本地|港澳|评论|評論|观点|觀點|时尚|時尚|民生|法治|产经|產經|国际新闻)(?:频道|頻道|新闻|新聞|版|中心)?$/;
/**
 * The labels of a forum poster's profile card beside the post (帖子, 积分, 注册时间, 最后登录…): each
 * opens a line of the card, and none is an outlet.
 */
const PROFILE_LABEL =
  '帖子|主题|主題|积分|積分|精华|精華|威望|金钱|金錢|贡献|貢獻|注册时间|註冊時間|注册日期|註冊日期|注册|註冊|最后登录|最後登錄|在线时间|在線時間|阅读权限|閱讀權限|性别|性別|来自|來自|等级|等級|级别|級別|UID|好友|听众|收听|日志|日誌|相册|相冊|经验|經驗|魅力|声望|聲望|发帖|發帖|回帖|粉丝|粉絲';
const NOT_AN_OUTLET = new RegExp(
  String.raw`^(原创|转载|独家|首发|置顶|分享|分享到|举报|评论|收藏|关注|订阅|阅读|字号|打印|关闭|大|中|小|优质原创作者|.*认证|.*(有限)?公司|发布时间|发布于|发表于|作者|来源|更新|发布|發布|發佈|发表|發表|首发|首發|修改|来自|來自|发自|發自|[a-z]?\d+|.*(时间|時間|日期)|${PROFILE_LABEL}|[（(]?(?:星期|周|週|禮拜|礼拜)[一二三四五六日天][）)]?|上午|下午|中午|晚上|凌晨|早上|傍晚|[AP]\.?M\.?|by)$`,
  'i',
);

/**
 * A token that starts with a number is a counter (123次, 12评论, 5楼, 3天前), unless a few digits
 * lead an outlet's name (39健康网, 36氪, 21世纪经济报道): words after them, none a counter's unit.
 */
const COUNTER_TOKEN =
  /^\d(?!\d{0,3}(?!.*(?:次|人|条|條|个|個|篇|评论|評論|阅读|閱讀|浏览|瀏覽|赞|讚|万|萬|分钟|分鐘|小时|小時|天|前|楼|樓|年|月|日|号|號|岁|歲|元|秒))[\u4e00-\u9fff])/;

/** Arrows, geometric shapes, symbols and dingbats, and the private-use area icon fonts draw from. */
const WIDGET_GLYPH = /[\u2190-\u21ff\u25a0-\u25ff\u2600-\u27bf\ue000-\uf8ff]/u;

/** A short run of text that may be a name: no sentence, label, date, region, credit or widget. */
function nameLike(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= 20 &&
    !/[，。！？：:、]/.test(text) &&
    !NOT_AN_OUTLET.test(text) &&
    !COUNTER_TOKEN.test(text) &&
    // a widget in either script (轉寄, 字級: a Taiwan page's forward and font-size buttons)
    !isFurniture(text) &&
    // a menu's arrow, a star or an icon font's glyph marks a button (转载▼, ★收藏)
    !WIDGET_GLYPH.test(text) &&
    !REGION_ALONE.test(text) &&
    !DESK_ALONE.test(text) &&
    !BLOG_NAME.test(text) &&
    // (a particle opens no name: `张三 的博客` split at its space)
    !/^的/.test(text) &&
    !/記者|记者|通讯员|通訊員|[／/]/.test(text) &&
    // where it was reported from (台北報導, 綜合報導), not an account named …报道
    !/^[\u4e00-\u9fff]{0,3}(?:綜合|综合|即時|即时|連線|连线)?(?:報導|报道|報道)$/.test(text) &&
    !DATEISH_TOKEN.test(text)
  );
}

/**
 * A forum post's tail under its text (贴吧): the client it was sent from, its floor and its date
 * (`来自Android客户端 1楼 2012-05-06 10:23 回复`), or the client alone. The floor dates that post.
 */
export const POST_TAIL =
  /^(?=\S)(?:来自.{1,16}?(?:客户端|客戶端|贴吧|貼吧|手机版|手機版|WAP版)\s*)?(?:(?:[1-9]\d{0,4}\s*[楼樓#]|楼主|樓主)\s*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:回复|回覆|举报|舉報|收起回复))*)?$/;

/** A forum post's date line: `发表于 2019-08-15 14:30`, maybe after a 楼主 badge (`楼主发表于`). */
const POSTED = new RegExp(`(^|\\s|${POST_BADGE})(发表于|發表於)`);

/** A line of a poster's profile card (帖子：312, 注册时间 2006-3-12, 积分 820): counts, no prose. */
const PROFILE_LINE = new RegExp(String.raw`^(${PROFILE_LABEL})\s*[:：]?\s*[^\s，。]{0,20}$`, 'i');

/**
 * A forum post's poster on a line of its own above the post's 发表于 line, as engines print the
 * poster's name apart from the date (`驴友小王` / `楼主 发表于: 2019-08-15 14:30 只看楼主`), maybe
 * over the profile card's lines (帖子：312, 注册：2006-3-12). In `lines` (the byline zone), or in
 * `aboveTitle` when their last line is that date line: the post's subject printed under it.
 */
export function posterAbovePostDate(
  lines: ReadonlyArray<{ text: string }>,
  aboveTitle: ReadonlyArray<{ text: string }> = [],
): string | null {
  const isPosted = (l: { text: string }) => l.text.length <= 80 && POSTED.test(l.text);
  if (aboveTitle.length && isPosted(aboveTitle.at(-1)!)) lines = aboveTitle;
  let index = lines.findIndex(isPosted);
  while (index > 0 && PROFILE_LINE.test(lines[index - 1]!.text)) index--;
  const above = index > 0 ? lines[index - 1]!.text : '';
  return nameLike(above) && !/\s/.test(above) && !OUTLET_ENDING.test(above) ? above : null;
}

/**
 * How many of the first `lines` of a body are a forum post's header, its date line the last of them:
 * the poster's card (name, profile counts) and the floor's 发表于 line, where Readability took the
 * post's table row or box whole. 0 where the body opens otherwise.
 */
export function postHeaderLength(lines: ReadonlyArray<{ text: string }>): number {
  const index = lines.slice(0, 8).findIndex((l) => l.text.length <= 80 && POSTED.test(l.text));
  if (index < 0) return 0;
  const card = lines.slice(0, index);
  return card.every((l) => l.text.length <= 30 && !/[，。！？；]/.test(l.text)) ? index + 1 : 0;
}

/**
 * The outlet named without a label next to the date (`原创 南方都市报 2019-09-09 16:01`,
 * `2019-05-17 · 苏皖城市报道`), or on a short line of its own right above the date line (the
 * self-media layout: account name, then 发布时间). Only for Chinese pages.
 */

export function unlabelledOutlet(
  lines: ReadonlyArray<{ text: string }>,
  hasDate: (text: string) => boolean,
  titleKey: string,
): string | null {
  const index = lines.findIndex((l) => l.text.length <= 80 && hasDate(l.text));
  if (index < 0) return null;
  const above = lines[index - 1]?.text;
  // (a poster's name on its own line above a post's 发表于 date is the author, not an outlet)
  const posted = POSTED.test(lines[index]!.text);
  if (
    above &&
    nameLike(above) &&
    !/\s/.test(above) &&
    !posted &&
    !PERSON_NAME.test(above) &&
    !isTitleOrItsStart(above, titleKey)
  )
    return above;
  // the site's address, the time printed beside the date and where it was posted from are not
  // labels (http://www.sina.com.cn 2005年05月12日14:28 新华网, 08:23 发布于 上海); a blog's name split
  // at its particle is one token (`老树 的博客`)
  const text = joinParticle(
    lines[index]!.text.replace(/https?:\/\/\S+/g, ' ')
      .replace(/\d{1,2}[:：]\d{2}([:：]\d{2})?/g, ' ')
      .replace(LOCATION_NOTE, ' '),
  );
  // brackets hold the line's widgets ([打印] [评论]), or the outlet itself (2010年05月07日 21:23 [新京报])
  const all = text
    .replace(/[[【(（]([^\]】)）]{1,12})[\]】)）]/g, (_, inner: string) => {
      const name = inner.trim();
      return outletShaped(name) && nameLike(name) ? ` ${name} ` : ' ';
    })
    .split(/[\s|｜丨·•/]+/)
    .filter(Boolean);
  // labelled values are parseByline's business: only what stands before the first label, the date
  // and maybe an outlet (2010年03月05日 12:00 新京报 作者：张三); a counter's label (浏览量：1234)
  // labels no value
  const labelled = all.findIndex((t) => /[:：]/.test(t) && !isWidgetCount(t));
  if (labelled === 0) return null;
  const tokens = labelled > 0 ? all.slice(0, labelled) : all;
  // `张三 发表于 …`, `张三 于 2023-05-12 发布`: a post's author, not an outlet
  // and a post's date line (发表于 前天 10:21 | 只看该作者) names its poster, never an outlet
  if (posted || DATE_LEAD.test(text) || POSTER_BEFORE_DATE.test(text)) return null;
  // the outlet stands next to the date: right after it (2019年09月11日01:53 新浪科技 我有话说 收藏本文),
  // else right before it (原创 南方都市报 2019-09-09)
  // (a word followed by a number labels a counter: 字数 1,234, 阅读 5,678; the headline in a
  // title row stamped with its date is not an outlet: 标题 [原创 2009-03-05 10:23])
  const isName = (t: string, i: number) =>
    nameLike(t) &&
    !/[()（）[\]【】]/.test(t) &&
    !PERSON_NAME.test(t) &&
    !COUNT.test(tokens[i + 1] ?? '') &&
    !isTitleOrItsStart(t, titleKey);
  const dated = tokens.map((t) => DATEISH_TOKEN.test(t));
  const lastDate = dated.lastIndexOf(true);
  const after =
    lastDate >= 0
      ? tokens.slice(lastDate + 1).find((t, i) => !dated[lastDate + 1 + i] && isName(t, lastDate + 1 + i))
      : undefined;
  const before = tokens.filter((t, i) => !dated[i] && (lastDate < 0 || i < lastDate) && isName(t, i)).at(-1);
  return after ?? before ?? null;
}

/** A count as widgets print it: 1234, 1,234, 1.2万, 10w+. */
const COUNT = /^\d[\d,.]*(?:[万萬wWkK]\+?)?$/;

function looseTitle(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The headline, or its first words as a blog's post header repeats it shortened (长白山冰雪季开幕). */
function isTitleOrItsStart(text: string, titleKey: string): boolean {
  const key = looseTitle(text);
  return key === titleKey || (key.length >= 6 && titleKey.startsWith(key));
}
