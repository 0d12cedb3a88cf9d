/** A small XML well-formedness checker for the plot tests: element nesting, quoted attributes, entities. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function decode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '<') throw new Error(`raw '<' in text near ${JSON.stringify(s.slice(i, i + 20))}`);
    if (s[i] === '&') {
      const m = ENTITY.exec(s.slice(i));
      if (!m) throw new Error(`bad entity near ${JSON.stringify(s.slice(i, i + 20))}`);
      const e = m[1];
      out += e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      i += m[0].length - 1;
    } else out += s[i];
  }
  return out;
}

/** Parses an XML document into its root element; throws on anything ill-formed. */
export function parseXml(src: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const tag = /^<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const text = src.slice(i, lt === -1 ? src.length : lt);
    if (text.trim() !== '') {
      if (stack.length === 0) throw new Error('text outside the root element');
      stack[stack.length - 1].text += decode(text);
    }
    if (lt === -1) break;
    const m = tag.exec(src.slice(lt));
    if (!m) throw new Error(`bad tag near ${JSON.stringify(src.slice(lt, lt + 40))}`);
    const [whole, close, name, attrText, selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrText.matchAll(/([\w:-]+)="([^"]*)"/g)) {
        if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]}`);
        attrs[a[1]] = decode(a[2]);
      }
      const el: XmlElement = { name, attrs, children: [], text: '' };
      if (stack.length) stack[stack.length - 1].children.push(el);
      else if (root) throw new Error('two root elements');
      else root = el;
      if (!selfClose) stack.push(el);
    }
    i = lt + whole.length;
  }
  if (stack.length || !root) throw new Error('unclosed elements');
  return root;
}

/** Every element below (and including) el matching the predicate. */
export function findAll(el: XmlElement, pred: (e: XmlElement) => boolean): XmlElement[] {
  const out = pred(el) ? [el] : [];
  for (const c of el.children) out.push(...findAll(c, pred));
  return out;
}

export const byClass = (cls: string) => (e: XmlElement): boolean => (e.attrs.class ?? '').split(' ').includes(cls);

/** All the text inside an element, children included. */
export function allText(el: XmlElement): string {
  return el.text + el.children.map(allText).join('');
}
