import type { SiteRule } from '../../types';

/**
 * 中国吉林网 (TRS WCM): articles at /<column>/<YYYYMM>/<id>.html on news./zhuanti./caifu. and other
 * subdomains, legacy www.chinajilin.com.cn/.../content/YYYY-MM/DD/content_<id>.htm. Title in
 * `h1 > span`, time and 来源 on one line in `div.zxdata`, body in `div.content`; 专题 pages wrap
 * the article in `.cgzzmL`. The kicker and subtitle are the lines right around the h1.
 */
export const rule: SiteRule = {
  name: 'cnjiwang',
  hosts: ['cnjiwang.com', 'chinajilin.com.cn'],
  title: ['.cgzzmL h1', 'h1 > span', 'h1'],
  published: ['.zxdata'],
  source: ['.zxdata'],
  section: ['.dqwz', '.position', '.weizhi'],
  body: ['.cgzzmL .content', 'div.content', '.TRS_Editor'],
  remove: ['.zxdata', '.share', '.bdsharebuttonbox', '.fenxiang', '.zihao', '.bianji', '.rexian'],
  articleId: [
    /\/\d{6}\/(\d+)(?:_\d+)?\.s?html?$/,
    /content_(\d+)(?:_\d+)?\.s?htm/,
    /\/t\d{8}_(\d+)\.s?html?$/,
  ],
  titleBlock: true,
};
