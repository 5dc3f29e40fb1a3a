/** Parses XML as a feed reader or crawler would (jsdom's XML parser), failing on anything ill-formed. */
import { JSDOM } from 'jsdom';

const { DOMParser } = new JSDOM('').window;

export function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

export function parseHtml(text: string): Document {
  return new DOMParser().parseFromString(text, 'text/html');
}
