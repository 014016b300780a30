import { describe, expect, it } from 'vitest';
import { addErrorText } from '../../../client/add/add-errors';
import { ApiError } from '../../../client/api/api-error';

describe('errors of adding sources in words', () => {
  it('says what a code means, keeping the server’s detail', () => {
    expect(addErrorText(new ApiError(422, 'fetch_refused', '127.0.0.1 is a loopback address'))).toMatch(/only from public web addresses/);
    expect(addErrorText(new ApiError(502, 'fetch_failed', 'the site answered 404'))).toBe('The page could not be fetched (the site answered 404). Check the address, or try again later.');
    expect(addErrorText(new ApiError(422, 'unsupported_file', 'report.pdf: only .txt … files can be added'))).toMatch(/^Only \.txt, \.md and \.html files can be added \(report\.pdf/);
  });

  it('falls back to the size limit and then to the message itself', () => {
    expect(addErrorText(new ApiError(413, 'http_413', 'Payload Too Large'))).toBe('Too large to add (Payload Too Large).');
    expect(addErrorText(new ApiError(0, 'network', 'Could not reach the server'))).toBe('Could not reach the server');
    expect(addErrorText(new Error('the file could not be read'))).toBe('the file could not be read');
  });
});
