// Builds DOM from data without ever parsing it as HTML: text goes in through textContent only.
/* global document, URL */

/** An element with properties (className, type, textContent…), data-* values, other attributes and children. */
export function el(tag, props = {}, children = []) {
  const { dataset = {}, attrs = {}, ...rest } = props;
  const node = Object.assign(document.createElement(tag), rest);
  Object.assign(node.dataset, dataset);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** A link for an http(s) address; any other text (a file id, `javascript:`…) stays plain text. */
export function safeLink(ref) {
  const url = URL.canParse(ref) ? new URL(ref) : null;
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return el('span', { textContent: ref });
  return el('a', { href: url.href, textContent: ref, target: '_blank', rel: 'noopener noreferrer' });
}
