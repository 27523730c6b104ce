/**
 * FNV-1a, 64-bit, over the UTF-8 bytes of a text — the small, well-known, non-cryptographic hash
 * the dispatch engine derives ids and input digests from, so the same inputs always give the same
 * `dispatchPlanId` (DESIGN.md: "the same inputs give the same plan, so a replay re-derives it").
 *
 * The 64-bit state is four 16-bit limbs (`h0` lowest), so every step stays in small integers and
 * no BigInt is needed: multiplying by the FNV prime 2^40 + 0x1b3 is `h * 0x1b3 + (h << 40)`, and
 * `h << 40` adds limb 0 shifted by 8 into limb 2 and limb 1 into limb 3. It runs once per decision
 * over the whole canonical input, on the benchmark's hot path — hence one flat loop over locals.
 */

const REPLACEMENT_CHARACTER = 0xfffd;

/**
 * The FNV-1a 64-bit hash of `text` as 16 lower-case hex digits. Lone surrogates are hashed as
 * U+FFFD, as `TextEncoder` would encode them.
 *
 * @example
 * fnv1a64('foobar'); // '85944171f73967e8'
 */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325, low limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let index = 0; index < text.length; index += 1) {
    let point = text.charCodeAt(index);
    if (point >= 0xd800 && point <= 0xdfff) {
      const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
      const paired = point <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      point = paired ? 0x10000 + ((point - 0xd800) << 10) + (next - 0xdc00) : REPLACEMENT_CHARACTER;
      if (paired) index += 1;
    }
    const { bytes, count } = utf8(point);
    for (let shift = 8 * (count - 1); shift >= 0; shift -= 8) {
      const v0 = h0 ^ ((bytes >>> shift) & 0xff);
      const t0 = v0 * 0x1b3;
      const t1 = h1 * 0x1b3 + (t0 >>> 16);
      const t2 = h2 * 0x1b3 + (v0 << 8) + (t1 >>> 16);
      const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
    }
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

const ASCII = Array.from({ length: 0x80 }, (_, point) => ({ bytes: point, count: 1 }));

/** The UTF-8 encoding of a code point, first byte in the highest position of `bytes`. */
function utf8(point: number): { bytes: number; count: number } {
  if (point < 0x80) return ASCII[point];
  const tail = (shift: number) => 0x80 | ((point >> shift) & 0x3f);
  if (point < 0x800) return { bytes: ((0xc0 | (point >> 6)) << 8) | tail(0), count: 2 };
  if (point < 0x10000) return { bytes: ((0xe0 | (point >> 12)) << 16) | (tail(6) << 8) | tail(0), count: 3 };
  return { bytes: (((0xf0 | (point >> 18)) << 24) | (tail(12) << 16) | (tail(6) << 8) | tail(0)) >>> 0, count: 4 };
}
