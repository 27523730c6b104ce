import { compareAddresses } from './address-comparison';
import { normaliseAddress, normaliseRegion } from './address-normaliser';
import { normaliseText } from './text-normaliser';

describe('normaliseRegion: province / city / district short forms', () => {
  it.each([
    ['北京市', '北京'], ['北京', '北京'], ['浙江省', '浙江'], ['杭州市', '杭州'], ['西湖区', '西湖'], ['长兴县', '长兴'],
    ['广西壮族自治区', '广西'], ['内蒙古自治区', '内蒙古'], ['新疆维吾尔自治区', '新疆'], ['香港特别行政区', '香港'],
    ['恩施土家族苗族自治州', '恩施'], ['恩施州', '恩施'], ['浦东新区', '浦东'], ['阿里地区', '阿里'],
    // Names too short to lose a suffix keep it: 和县 is not 和, 杭州 is not 杭.
    ['和县', '和县'], ['杭州', '杭州'], ['  浙江省 ', '浙江'],
  ])('%s → %s', (name, short) => {
    expect(normaliseRegion(name)).toBe(short);
  });
});

describe('normaliseText: full-width ↔ half-width, case, spaces, punctuation', () => {
  it('folds full-width digits, letters and punctuation and drops spaces', () => {
    expect(normaliseText('ＳＯＨＯ 现代城Ａ座，１２０１（东）')).toBe('soho现代城a座1201东');
    expect(normaliseText('3-501\u3000室')).toBe('3501室');
  });
});

describe('normaliseAddress', () => {
  it('folds a municipality\'s city level into the province and drops the regions a buyer retyped', () => {
    const a = normaliseAddress({ province: '北京市', city: '北京市', district: '朝阳区', detail: '北京朝阳区建国路８８号ＳＯＨＯ现代城Ａ座' });
    const b = normaliseAddress({ province: '北京', city: '市辖区', district: '朝阳', detail: '建国路88号 SOHO现代城A座' });
    expect(a).toEqual({ province: '北京', city: '', district: '朝阳', detail: '建国路88号soho现代城a座', comparable: '北京朝阳建国路88号soho现代城a座' });
    expect(b.comparable).toBe(a.comparable);
  });

  it('rewrites common abbreviations of the detail (号楼 / 幢 → 栋) and joins street with detail', () => {
    const a = normaliseAddress({ province: '浙江省', city: '杭州市', district: '西湖区', street: '文新街道', detail: '文三路100号3号楼501' });
    const b = normaliseAddress({ province: '浙江', city: '杭州', district: '西湖', street: null, detail: '浙江省杭州市西湖区文新街道文三路100号3幢501' });
    const c = normaliseAddress({ province: '广西', city: '南宁', district: '青秀', detail: '广西壮族自治区南宁市青秀区民族大道1号' });
    expect(a.detail).toBe('文新街道文三路100号3栋501');
    expect(b.comparable).toBe(a.comparable);
    expect(c.detail).toBe('民族大道1号');
  });
});

describe('compareAddresses', () => {
  const hangzhou = { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路100号华星科技大厦1801室' };

  it('scores the normalised wholes: two spellings of one place are identical', () => {
    const score = compareAddresses(hangzhou, { province: '浙江', city: '杭州', district: '西湖', detail: '文三路１００号华星科技大厦１８０１室' }, 85);
    expect(score).toMatchObject({ distance: 0, score: 1, differingLevel: null, passes: true });
  });

  it('a different district never passes, however alike the street text', () => {
    const score = compareAddresses(hangzhou, { ...hangzhou, district: '上城区' }, 85);
    expect(score.score).toBeGreaterThan(0.85);
    expect(score).toMatchObject({ differingLevel: 'district', passes: false });
  });

  it('a level missing on one side is not compared', () => {
    expect(compareAddresses(hangzhou, { ...hangzhou, district: '' }, 85).differingLevel).toBeNull();
  });
});
