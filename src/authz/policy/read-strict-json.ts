/**
 * A small JSON reader for policy documents. JSON.parse would quietly keep the last of two
 * equal keys — `{"StringEquals":{…},"StringEquals":{…}}` would lose a condition — while IAM
 * treats a duplicated element as a syntax error (policy-evaluation.md §1). So objects are read
 * into Maps and a repeated key is reported; numbers keep their source text (`1.50` stays
 * `1.50` when a condition compares it as a string).
 */
export class JsonNumber {
  constructor(readonly raw: string) {}
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
export type JsonObject = Map<string, JsonValue>;

export type JsonReadResult = { ok: true; value: JsonValue } | { ok: false; problem: 'invalid' | 'duplicate-key' };

class Stop {
  constructor(readonly problem: 'invalid' | 'duplicate-key') {}
}

export function readStrictJson(text: string): JsonReadResult {
  const reader = new Reader(text);
  try {
    const value = reader.value();
    reader.space();
    if (reader.at < text.length) throw new Stop('invalid');
    return { ok: true, value };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, problem: e.problem };
    // Nesting deep enough to exhaust the stack is not a policy either.
    if (e instanceof RangeError) return { ok: false, problem: 'invalid' };
    throw e;
  }
}

class Reader {
  at = 0;
  constructor(private readonly text: string) {}

  space(): void {
    const t = this.text;
    while (this.at < t.length) {
      const c = t.charCodeAt(this.at);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      this.at++;
    }
  }

  value(): JsonValue {
    this.space();
    const c = this.text[this.at];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (this.word('true')) return true;
    if (this.word('false')) return false;
    if (this.word('null')) return null;
    return this.number();
  }

  /** RFC 8259 number: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
  private number(): JsonNumber {
    const t = this.text;
    const start = this.at;
    const digits = () => {
      const from = this.at;
      while (this.at < t.length && t.charCodeAt(this.at) >= 0x30 && t.charCodeAt(this.at) <= 0x39) this.at++;
      if (this.at === from) throw new Stop('invalid');
      return this.at - from;
    };
    if (t[this.at] === '-') this.at++;
    if (t[this.at] === '0') this.at++;
    else digits();
    if (t[this.at] === '.') {
      this.at++;
      digits();
    }
    if (t[this.at] === 'e' || t[this.at] === 'E') {
      this.at++;
      if (t[this.at] === '+' || t[this.at] === '-') this.at++;
      digits();
    }
    return new JsonNumber(t.slice(start, this.at));
  }

  private word(w: string): boolean {
    if (!this.text.startsWith(w, this.at)) return false;
    this.at += w.length;
    return true;
  }

  private expect(ch: string): void {
    this.space();
    if (this.text[this.at] !== ch) throw new Stop('invalid');
    this.at++;
  }

  private object(): JsonObject {
    const out: JsonObject = new Map();
    this.at++; // {
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return out;
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') throw new Stop('invalid');
      const key = this.string();
      this.expect(':');
      const v = this.value();
      if (out.has(key)) throw new Stop('duplicate-key');
      out.set(key, v);
      this.space();
      const c = this.text[this.at++];
      if (c === '}') return out;
      if (c !== ',') throw new Stop('invalid');
    }
  }

  private array(): JsonValue[] {
    const out: JsonValue[] = [];
    this.at++; // [
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.space();
      const c = this.text[this.at++];
      if (c === ']') return out;
      if (c !== ',') throw new Stop('invalid');
    }
  }

  private string(): string {
    const t = this.text;
    let out = '';
    let from = ++this.at; // opening quote
    for (;;) {
      if (this.at >= t.length) throw new Stop('invalid');
      const c = t.charCodeAt(this.at);
      if (c === 0x22) break;
      if (c < 0x20) throw new Stop('invalid');
      if (c !== 0x5c) {
        this.at++;
        continue;
      }
      out += t.slice(from, this.at);
      const e = t[this.at + 1];
      this.at += 2;
      if (e === 'u') {
        const hex = t.slice(this.at, this.at + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Stop('invalid');
        out += String.fromCharCode(parseInt(hex, 16));
        this.at += 4;
      } else {
        const simple = ESCAPES[e ?? ''];
        if (simple === undefined) throw new Stop('invalid');
        out += simple;
      }
      from = this.at;
    }
    out += t.slice(from, this.at);
    this.at++; // closing quote
    return out;
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
