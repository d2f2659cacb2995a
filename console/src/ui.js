// Small DOM helpers shared by the pages.

/** `el('div', { class: 'x', onclick }, child, …)`: an element with attributes and children. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** A labelled value card. */
export function card(label, id, value = '…') {
  return el('div', { class: 'card' }, el('div', { class: 'label' }, label), el('div', { class: 'value', id }, value));
}

/** Sets a status line: `kind` is `ok`, `err` or `wait`. */
export function setStatus(node, text, kind = 'wait') {
  node.textContent = text;
  node.className = `status ${kind}`;
}

/** A table with a header row and `rows` (arrays of cells; a cell `{ text, num }` is right-aligned). */
export function table(id, headers, rows) {
  const cell = (c, tag) => {
    const isObj = c !== null && typeof c === 'object' && !(c instanceof Node);
    return el(tag, { class: isObj && c.num ? 'num' : undefined }, isObj ? c.text : c);
  };
  return el('table', { id },
    el('thead', {}, el('tr', {}, headers.map((h) => cell(h, 'th')))),
    el('tbody', {}, rows.map((r) => el('tr', r.attrs ?? {}, (r.cells ?? r).map((c) => cell(c, 'td'))))));
}

/** A form field: `{ label, id, value, placeholder, type }`. */
export function field({ label, id, value = '', placeholder = '', type = 'text' }) {
  return el('label', {}, label, el('input', { id, value, placeholder, type }));
}
