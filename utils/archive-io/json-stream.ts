/**
 * Reads an archive file's top-level object a piece of text at a time: every member but `clips` is
 * handed over as its JSON text, and `clips` element by element, so that no string ever holds the
 * whole file and a record is parsed (JSON.parse, native and fast) as soon as its text is complete.
 * The scanner only follows the structure (strings, brackets, commas); the texts it hands over are
 * checked by JSON.parse, so a syntax error inside a value is reported there.
 */

export class JsonSyntaxError extends Error {}
/** The text is JSON, but not an object (an array, a string, …): not an archive file. */
export class NotAnObject extends Error {}

/** A value longer than this (any member other than a record, or one record) is refused. */
export const MAX_VALUE_CHARS = 64 * 1024 * 1024;

export interface ArchiveStreamHandler {
  /** a top-level member other than `clips`, as JSON text */
  field(key: string, json: string): void;
  /** `clips` starts (its value is an array) */
  clipsStart(): void;
  /** one element of `clips`, as JSON text, in order */
  clip(json: string): void;
  /** `clips` is a value other than an array */
  clipsNotArray(json: string): void;
}

const enum Mode {
  /** before the top-level `{` */
  Start,
  /** after `{` or `,`: a key or `}` */
  Key,
  /** after a key: `:` */
  Colon,
  /** after `:`: a value */
  Value,
  /** inside a member's value, collecting its text */
  InValue,
  /** after a member: `,` or `}` */
  AfterMember,
  /** inside `clips`, before an element or `]` */
  Element,
  /** inside an element of `clips` */
  InElement,
  /** after an element: `,` or `]` */
  AfterElement,
  /** after the closing `}` */
  End,
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export class ArchiveStreamScanner {
  private mode = Mode.Start;
  /** text not yet handed over: from the start of the current key or value */
  private carry = '';
  private key = '';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private clipsMember = false;
  /** characters consumed before `carry` (for error positions) */
  private offset = 0;
  private elementsSeen = 0;

  constructor(private readonly handler: ArchiveStreamHandler) {}

  /** Feeds the next piece of text; throws JsonSyntaxError on a structural error. */
  push(chunk: string): void {
    const text = this.carry + chunk;
    let start = 0; // where the text not yet handed over begins
    let i = 0;
    // a value cut by the last chunk was scanned up to here (its state kept in depth, inString, …)
    let resume = this.mode === Mode.InValue || this.mode === Mode.InElement ? this.carry.length : 0;
    const n = text.length;
    const fail = (what: string): never => {
      throw new JsonSyntaxError(`${what} at character ${this.offset + i}`);
    };
    while (i < n) {
      const c = text.charCodeAt(i);
      switch (this.mode) {
        case Mode.Start:
        case Mode.Key:
        case Mode.Colon:
        case Mode.AfterMember:
        case Mode.Element:
        case Mode.AfterElement:
        case Mode.End:
          if (isSpace(c) || (c === 0xfeff && this.offset + i === 0)) {
            i++;
            start = i;
            continue;
          }
          break;
      }
      switch (this.mode) {
        case Mode.Start:
          if (c !== 0x7b) {
            if (/^[[\]"\d\-tfn]$/.test(text[i]!)) throw new NotAnObject();
            fail('expected an object');
          }
          this.mode = Mode.Key;
          i++;
          start = i;
          continue;
        case Mode.Key: {
          if (c === 0x7d) {
            this.mode = Mode.End;
            i++;
            start = i;
            continue;
          }
          if (c !== 0x22) fail('expected a key');
          const end = stringEnd(text, i + 1);
          if (end < 0) {
            i = n;
            continue; // the key goes on in the next chunk
          }
          try {
            this.key = JSON.parse(text.slice(i, end + 1)) as string;
          } catch {
            fail('bad key');
          }
          this.mode = Mode.Colon;
          i = end + 1;
          start = i;
          continue;
        }
        case Mode.Colon:
          if (c !== 0x3a) fail('expected ":"');
          this.mode = Mode.Value;
          i++;
          start = i;
          continue;
        case Mode.Value:
          if (isSpace(c)) {
            i++;
            start = i;
            continue;
          }
          this.clipsMember = this.key === 'clips';
          if (this.clipsMember && c === 0x5b) {
            this.handler.clipsStart();
            this.mode = Mode.Element;
            i++;
            start = i;
            continue;
          }
          this.startValue(Mode.InValue);
          start = i;
          continue;
        case Mode.InValue:
        case Mode.InElement: {
          const end = this.valueEnd(text, Math.max(i, resume));
          resume = 0;
          if (end < 0) {
            i = n;
            continue;
          }
          const json = text.slice(start, end);
          if (this.mode === Mode.InValue) {
            if (this.clipsMember) this.handler.clipsNotArray(json);
            else this.handler.field(this.key, json);
            this.mode = Mode.AfterMember;
          } else {
            this.elementsSeen++;
            this.handler.clip(json);
            this.mode = Mode.AfterElement;
          }
          i = end;
          start = i;
          continue;
        }
        case Mode.AfterMember:
          if (c === 0x2c) this.mode = Mode.Key;
          else if (c === 0x7d) this.mode = Mode.End;
          else fail('expected "," or "}"');
          i++;
          start = i;
          continue;
        case Mode.Element:
          if (c === 0x5d && this.elementsSeen === 0) {
            this.mode = Mode.AfterMember;
            i++;
            start = i;
            continue;
          }
          this.startValue(Mode.InElement);
          start = i;
          continue;
        case Mode.AfterElement:
          if (c === 0x2c) this.mode = Mode.Element;
          else if (c === 0x5d) this.mode = Mode.AfterMember;
          else fail('expected "," or "]"');
          i++;
          start = i;
          continue;
        case Mode.End:
          fail('unexpected text after the end');
      }
    }
    this.carry = text.slice(start);
    this.offset += start;
    if (this.carry.length > MAX_VALUE_CHARS) {
      throw new JsonSyntaxError(`a value longer than ${MAX_VALUE_CHARS} characters at ${this.offset}`);
    }
  }

  /** The text has ended: throws JsonSyntaxError unless the object was complete. */
  end(): void {
    if (this.mode !== Mode.End) throw new JsonSyntaxError('unexpected end of the file');
  }

  /** Starts collecting a member's value or an element of `clips` (see valueEnd). */
  private startValue(mode: Mode.InValue | Mode.InElement): void {
    this.mode = mode;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  /**
   * Where the value being collected ends (the index after it) or -1 if it goes on past `text`;
   * keeps its state (depth, string, escape) across chunks. A value ends at the `,` `}` or `]` that
   * closes its container, or after its closing bracket.
   */
  private valueEnd(text: string, from: number): number {
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    const n = text.length;
    // the next `"` and `\` at or after where a string was last entered (-1: none in `text`): a
    // string's text (most of a record) is skipped by the native search, not looked at here
    let quote = -2;
    let backslash = -2;
    for (let i = from; i < n; i++) {
      if (inString) {
        if (escaped) {
          escaped = false;
          continue;
        }
        if (quote !== -1 && quote < i) quote = text.indexOf('"', i);
        if (backslash !== -1 && backslash < i) backslash = text.indexOf('\\', i);
        if (backslash !== -1 && (quote === -1 || backslash < quote)) {
          // the character after it is escaped (it may be in the next piece)
          i = backslash;
          escaped = true;
          continue;
        }
        if (quote === -1) break;
        i = quote;
        inString = false;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (depth === 0) return i;
        if (--depth === 0) return i + 1;
      } else if (c === 0x2c && depth === 0) return i;
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return -1;
  }
}

/** The index of the `"` closing the string that starts at `from`, or -1. */
function stringEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i;
  }
  return -1;
}

/** A Blob's text, a piece at a time (UTF-8; a character split between pieces is joined). */
export async function* blobText(blob: Blob): AsyncGenerator<string> {
  const reader = blob.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}
