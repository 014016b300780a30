/** Bytes to text: byte order marks, declared and <meta> charsets, and the windows-1252 fallback. */
import { describe, expect, it } from 'vitest';
import { decodeText, headerCharset, metaCharset } from '../../../server/sources/decode-text';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('decodeText', () => {
  it('lets a byte order mark win over any declaration', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x48, 0, 0xe9, 0]);
    expect(decodeText(utf16, { declared: 'iso-8859-1' })).toEqual({ text: 'Hé', charset: 'utf-16le' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toEqual({ text: 'hi', charset: 'utf-8' });
  });

  it('maps every windows-1252 byte of 0x80-0x9F to its character', () => {
    expect(decodeText(Uint8Array.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99]), { declared: 'latin1' }).text).toBe('€…‘’“”–—™');
  });

  it('reads a <meta> charset only in HTML, even after a long head', () => {
    const page = ascii(`<html><head><!--${'x'.repeat(2000)}--><meta charset="windows-1252"></head><body>caf\xe9</body></html>`);
    expect(metaCharset(page)).toBe('windows-1252');
    expect(decodeText(page, { html: true })).toMatchObject({ charset: 'windows-1252', text: expect.stringContaining('café') });
    // As plain text the same bytes are not UTF-8, so the fallback says so.
    expect(decodeText(page).note).toBe('not valid UTF-8, read as windows-1252');
  });

  it('ignores an unknown declared charset and a <meta> claiming UTF-16', () => {
    expect(decodeText(ascii('abc'), { declared: 'klingon-8' })).toEqual({ text: 'abc', charset: 'utf-8', note: 'unknown charset "klingon-8" ignored' });
    expect(decodeText(ascii('<meta charset="utf-16"><p>abc</p>'), { html: true }).charset).toBe('utf-8');
  });

  it('reads the charset parameter of a Content-Type header', () => {
    expect(headerCharset('text/html; charset="ISO-8859-1"')).toBe('ISO-8859-1');
    expect(headerCharset('text/html;charset=utf-8;foo=bar')).toBe('utf-8');
    expect(headerCharset('text/html')).toBeUndefined();
  });
});
