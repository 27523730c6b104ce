import { comparePhones } from './phone-match';
import { parsePhone } from './phone-number.parser';

describe('parsePhone: the forms channels send', () => {
  it.each([
    ['13800138000', 'MOBILE', '13800138000', null],
    ['+86 138 0013 8000', 'MOBILE', '13800138000', null],
    ['0086-13800138000', 'MOBILE', '13800138000', null],
    ['8613800138000', 'MOBILE', '13800138000', null],
    ['138-0013-8000', 'MOBILE', '13800138000', null],
    ['１３８００１３８０００', 'MOBILE', '13800138000', null],
    ['189****1234', 'MASKED_MOBILE', '189****1234', null],
    ['189＊＊＊＊1234', 'MASKED_MOBILE', '189****1234', null],
    ['13800138000-1234', 'MOBILE', '13800138000', '1234'],
    ['13800138000转1234', 'MOBILE', '13800138000', '1234'],
    ['13800138000,1234', 'MOBILE', '13800138000', '1234'],
    ['17012345678 ext.5678', 'MOBILE', '17012345678', '5678'],
    ['95013123456789-1234', 'SERVICE_NUMBER', '95013123456789', '1234'],
    ['0571-88886666', 'LANDLINE', '057188886666', null],
    ['010-12345678-123', 'LANDLINE', '01012345678', '123'],
    ['call me', 'UNRECOGNISED', 'callme', null],
  ])('%s → %s %s ext %s', (raw, kind, number, extension) => {
    expect(parsePhone(raw)).toEqual({ kind, number, extension });
  });
});

describe('comparePhones: exact, or visible digits when masked — never fuzzy', () => {
  it.each([
    ['the same number in two spellings', '13800138000', '+86 138-0013-8000', 'EQUAL', 1],
    ['one digit apart (91% alike as strings)', '13800138000', '13800138001', 'DIFFERENT', 0],
    ['masked vs full, visible digits agree', '189****1234', '18912341234', 'VISIBLE_DIGITS_AGREE', 1],
    ['masked vs full, a visible digit differs', '189****1234', '18912341284', 'DIFFERENT', 0],
    ['both masked, prefix and suffix agree', '189****1234', '189****1234', 'VISIBLE_DIGITS_AGREE', 1],
    ['both masked, suffix differs', '189****1234', '189****1284', 'DIFFERENT', 0],
    ['both masked, prefix differs', '189****1234', '188****1234', 'DIFFERENT', 0],
    ['masks leaving too few common digits', '1**********', '18912341234', 'NOT_COMPARABLE', 0],
    ['same privacy number and extension', '13800138000-1234', '13800138000转1234', 'EQUAL', 1],
    ['same privacy host, other extension', '13800138000-1234', '13800138000-5678', 'DIFFERENT', 0],
    ['privacy number vs real number', '13800138000-1234', '13800138000', 'NOT_COMPARABLE', 0],
    ['an unrecognised phone', 'unknown', '13800138000', 'NOT_COMPARABLE', 0],
    ['different lengths', '189****1234', '057188886666', 'DIFFERENT', 0],
  ])('%s', (_case, a, b, outcome, score) => {
    expect(comparePhones(a, b)).toMatchObject({ outcome, score });
    expect(comparePhones(b, a)).toMatchObject({ outcome, score });
  });

  it('shows numbers only masked, with the extension', () => {
    expect(comparePhones('13800138000-1234', '189****1234').shown).toEqual(['138****8000-1234', '189****1234']);
  });
});
