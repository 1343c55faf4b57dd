import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InvalidInboundError } from '../types.ts';

/**
 * `parseTagValue: false` keeps every value a string: by default the parser would turn a
 * CDATA " 007 " into the number 7 and a 19-digit MsgId into an imprecise float.
 */
const parser = new XMLParser({ parseTagValue: false, processEntities: true, ignoreAttributes: true });

/**
 * The flat `<xml><Field>value</Field>…</xml>` document WeChat sends, as field → string.
 * Anything else (not XML, another root, a repeated or nested field we read) is refused.
 */
export function readWechatXml(xml: string): Record<string, unknown> {
  // WeChat never sends a DOCTYPE; refusing it shuts out entity-expansion tricks outright.
  if (/<!DOCTYPE/i.test(xml)) throw new InvalidInboundError('invalid', 'XML with a DOCTYPE is not accepted');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new InvalidInboundError('invalid', `malformed XML: ${valid.err.msg}`);
  const root = parseXml(xml).xml;
  if (!root || typeof root !== 'object' || Array.isArray(root)) throw new InvalidInboundError('invalid', 'the XML has no <xml> root element');
  return root as Record<string, unknown>;
}

/** The parser refuses some well-formed documents itself (an element named `__proto__`, say): that is the sender's error too. */
function parseXml(xml: string): Record<string, unknown> {
  try {
    return parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw new InvalidInboundError('invalid', `unreadable XML: ${(error as Error).message}`);
  }
}

/** A field's text, or undefined when absent or empty. */
export function optionalField(fields: Record<string, unknown>, name: string): string | undefined {
  const value = fields[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new InvalidInboundError('invalid', `${name} must be a single text value`);
  return value;
}

export function requiredField(fields: Record<string, unknown>, name: string): string {
  const value = optionalField(fields, name);
  if (value === undefined || !value.trim()) throw new InvalidInboundError('invalid', `${name} is missing`);
  return value;
}

/** Wraps a value in CDATA; a "]]>" inside is split across two sections so it cannot end the first. */
export function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
