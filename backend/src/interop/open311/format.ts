import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** GeoReport v2 answers in the format named by the resource's suffix: `services.xml`, `requests/123.json`. */
export const formats = ['json', 'xml'] as const;
export type Format = (typeof formats)[number];

/** A GeoReport field value: text, a number, a boolean, or null (an empty element in XML). */
type Field = string | number | boolean | null;
/** One record: its fields, or a nested list of records (a definition's `attributes`) or of values (discovery's `formats`). */
export type Open311Record = { [field: string]: Field | Open311Record[] | string[] };

/**
 * A list as the spec's JSON is a plain array and its XML a root element with one child per item
 * (`<services><service>…`); JSON is the "Spark convention" mapping of that XML.
 */
export interface Open311List {
  root: string;
  item: string;
  items: Open311Record[];
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** Characters XML 1.0 cannot carry at all, even escaped: dropped rather than making the document invalid. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what is being removed
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
}

function xmlElement(name: string, value: Open311Record[string], childName = 'item'): string {
  if (value === null || value === '') return `<${name}/>`;
  if (Array.isArray(value)) {
    const children = value.map((v) => (typeof v === 'string' ? xmlElement(childName, v) : xmlRecord(childName, v)));
    return `<${name}>${children.join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** Nested lists are named in the plural with singular children, as the spec's `attributes`/`attribute`, `endpoints`/`endpoint`. */
function xmlRecord(name: string, record: Open311Record): string {
  const fields = Object.entries(record).map(([key, value]) => xmlElement(key, value, key.replace(/s$/, '')));
  return `<${name}>${fields.join('')}</${name}>`;
}

function toXml(list: Open311List): string {
  return `${XML_DECLARATION}\n${xmlElement(list.root, list.items, list.item)}`;
}

function singleToXml(root: string, record: Open311Record): string {
  return `${XML_DECLARATION}\n${xmlRecord(root, record)}`;
}

const contentTypes: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

/** A list response in the requested format. */
export function sendList(c: Context, format: Format, list: Open311List, status: ContentfulStatusCode = 200) {
  const body = format === 'json' ? JSON.stringify(list.items) : toXml(list);
  return c.body(body, status, { 'content-type': contentTypes[format] });
}

/** A single-object response (the service definition): an object in JSON, one root element in XML. */
export function sendSingle(c: Context, format: Format, root: string, record: Open311Record) {
  const body = format === 'json' ? JSON.stringify(record) : singleToXml(root, record);
  return c.body(body, 200, { 'content-type': contentTypes[format] });
}

/** The spec's error body: `[{code, description}]` or `<errors><error><code/><description/></error></errors>`. */
export function sendErrors(c: Context, format: Format, status: ContentfulStatusCode, descriptions: string[], headers: Record<string, string> = {}) {
  const res = sendList(c, format, { root: 'errors', item: 'error', items: descriptions.map((description) => ({ code: status, description })) }, status);
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

/** The format a path asks for by its suffix; JSON when it names none we serve (the error must still be readable). */
export function formatOfPath(path: string): Format {
  return path.endsWith('.xml') ? 'xml' : 'json';
}
