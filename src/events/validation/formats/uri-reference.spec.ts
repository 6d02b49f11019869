import { isUriReference } from './uri-reference';

describe('isUriReference', () => {
  it.each([
    'urn:crm:vinsolutions:store-42',
    'https://crm.example/stores/42?feed=leads#main',
    '/crm/store-42',
    'store-42',
    '//crm.example/feed',
    'mailto:feeds@crm.example',
    'https://[2001:db8::1]/feed',
    'urn:crm:store%2042',
  ])('accepts %s', (text) => {
    expect(isUriReference(text)).toBe(true);
  });

  it.each(['crm store 42', 'urn:crm:%zz', '1crm:store', '-crm:store:1', 'urn:a#b#c', 'urn:crm:café', 'urn:crm:"42"'])('refuses %j', (text) => {
    expect(isUriReference(text)).toBe(false);
  });
});
