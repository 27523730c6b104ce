import { failed, passed, type Checked } from '../intake/notification-refusal';

// Alipay's parameter names are lower-case snake_case (notify_time, out_trade_no, …).
const PARAMETER_NAME = /^[a-z][a-z0-9_]{0,63}$/;
// What a URL-encoder emits (Java's URLEncoder, as Alipay's servers): unreserved characters, %XX,
// '+' for a space, '=' and '&'. A raw space or other byte would decode to the same values as its
// encoded form, so a body rewritten that way would still verify.
const FORM_CHARACTERS = /^[A-Za-z0-9.*_~%+=&-]*$/;

/**
 * Parses an `application/x-www-form-urlencoded` notification body into decoded parameters.
 * A parameter given twice is refused (which value was signed would be ambiguous), and so is a
 * name that is not snake_case (empty parameters are left out of the signed text, so junk like
 * `&%3C90` would otherwise ride along unsigned) and a body with characters no form encoder emits.
 */
export function parseAlipayForm(body: string): Checked<Record<string, string>> {
  if (body.length === 0) return failed('MALFORMED_BODY', 'empty body');
  if (!FORM_CHARACTERS.test(body)) return failed('MALFORMED_BODY', 'characters a form encoder does not emit');
  const params: Record<string, string> = {};
  let malformed = false;
  new URLSearchParams(body).forEach((value, key) => {
    if (Object.prototype.hasOwnProperty.call(params, key)) malformed = true;
    params[key] = value;
  });
  if (malformed) return failed('MALFORMED_BODY', 'a parameter appears more than once');
  if (!Object.keys(params).every((name) => PARAMETER_NAME.test(name))) return failed('MALFORMED_BODY', 'a parameter name is not snake_case');
  return passed(params);
}
