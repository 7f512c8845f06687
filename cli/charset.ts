/**
 * Decoding saved HTML bytes: BOM first, then the content itself (valid UTF-8 with non-ASCII bytes is
 * UTF-8 whatever the page declares: many pages say GB2312 but were re-saved as UTF-8), then the
 * declared <meta charset>, then a guess between GB18030 and Big5 by common characters.
 */

export interface Decoded {
  text: string;
  /** the encoding used, as TextDecoder names it */
  encoding: string;
  /** how it was chosen */
  by: 'bom' | 'content' | 'declared' | 'guess';
}

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb_2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  cp936: 'gb18030',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  utf8: 'utf-8',
};

/** The charset a page declares in its first bytes (<meta charset>, http-equiv), or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

function supported(label: string): string | null {
  const name = ALIASES[label] ?? label;
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return null;
  }
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

const COMMON_HANZI =
  /[的一是不了在人有我他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坐集编宝谈府拉黑且随格尽剑讲布杀微怕母调局根曾准团段终乐切级克精哪官示冷]/g;

function commonScore(text: string): number {
  const sample = text.slice(0, 200_000);
  const replacement = (sample.match(/\ufffd/g)?.length ?? 0) * 20;
  return (sample.match(COMMON_HANZI)?.length ?? 0) - replacement;
}

export function decodeHtml(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', by: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', by: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', by: 'bom' };
  if (hasHighBytes(bytes) && isValidUtf8(bytes))
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', by: 'content' };
  const declared = declaredCharset(bytes);
  const encoding = declared ? supported(declared) : null;
  if (encoding && encoding !== 'utf-8' && encoding !== 'utf-16le' && encoding !== 'utf-16be')
    return { text: new TextDecoder(encoding).decode(bytes), encoding, by: 'declared' };
  if (!hasHighBytes(bytes))
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', by: 'content' };
  // Not UTF-8 and nothing usable declared: the likelier of the two big Chinese legacy encodings
  const gb = new TextDecoder('gb18030').decode(bytes);
  const big5 = new TextDecoder('big5').decode(bytes);
  return commonScore(big5) > commonScore(gb)
    ? { text: big5, encoding: 'big5', by: 'guess' }
    : { text: gb, encoding: 'gb18030', by: 'guess' };
}
