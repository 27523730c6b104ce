import { ServiceArea } from './service-area';

describe('simulated carrier coverage (超区)', () => {
  it('serves everywhere until an area is excluded, then refuses only that carrier there', () => {
    const areas = new ServiceArea();
    const sansha = { province: '海南省', city: '三沙市', district: '西沙区' };
    expect(areas.outsideOf('SF', sansha)).toBeUndefined();
    areas.exclude('SF', '三沙市');
    expect(areas.outsideOf('SF', sansha)).toBe('三沙市');
    expect(areas.outsideOf('ZTO', sansha)).toBeUndefined();
    expect(areas.outsideOf('SF', { province: '浙江省', city: '杭州市', district: '西湖区' })).toBeUndefined();
  });

  it('matches whole region names only, and refuses an empty one', () => {
    const areas = new ServiceArea();
    areas.exclude('SF', '西沙区');
    expect(areas.outsideOf('SF', { province: '海南省', city: '三沙市', district: '西沙区' })).toBe('西沙区');
    expect(areas.outsideOf('SF', { province: '海南省', city: '三沙市', district: '南沙区' })).toBeUndefined();
    expect(() => areas.exclude('SF', ' ')).toThrow(RangeError);
  });
});
