import { splitLeadingDistrict } from './chinese-address';
import { beijingLocalInstant, unixSecondsInstant } from './iso-instant';
import { utmOfLanding } from './landing-attribution';
import { decimalTextToMinor, yuanNumberToFen } from './money';

describe('channel payload helpers', () => {
  it('split the district off a Chinese address line', () => {
    expect(splitLeadingDistrict('西湖区文一西路 588 号')).toEqual({ district: '西湖区', detail: '文一西路 588 号' });
    expect(splitLeadingDistrict('余杭区五常街道文一西路 969 号')).toEqual({ district: '余杭区', detail: '五常街道文一西路 969 号' });
    expect(splitLeadingDistrict('桐庐县城南街道迎春南路 1 号')).toEqual({ district: '桐庐县', detail: '城南街道迎春南路 1 号' });
    expect(splitLeadingDistrict('文一西路 588 号')).toEqual({ district: '', detail: '文一西路 588 号' });
    expect(splitLeadingDistrict('350 5th Ave')).toEqual({ district: '', detail: '350 5th Ave' });
  });

  it('convert money exactly', () => {
    expect([decimalTextToMinor('128.00'), decimalTextToMinor('0.29'), decimalTextToMinor('20.5'), decimalTextToMinor('39,00'), decimalTextToMinor(39)]).toEqual([12_800, 29, 2_050, null, null]);
    expect([yuanNumberToFen(128), yuanNumberToFen(0.29), yuanNumberToFen(275.1), yuanNumberToFen(128.005), yuanNumberToFen(-1), yuanNumberToFen('1')]).toEqual([12_800, 29, 27_510, null, null, null]);
  });

  it('read channel times with their offset made explicit', () => {
    expect(beijingLocalInstant('2024-06-18 10:30:00')).toEqual({ epochMs: Date.parse('2024-06-18T10:30:00+08:00'), text: '2024-06-18T10:30:00+08:00' });
    expect(unixSecondsInstant(1_718_677_800)).toEqual({ epochMs: 1_718_677_800_000, text: '2024-06-18T10:30:00+08:00' });
    expect([beijingLocalInstant('2024-02-30 10:00:00'), unixSecondsInstant(-5), unixSecondsInstant('1718677800')]).toEqual([null, null, null]);
  });

  it('read first-touch UTM tags from a landing path', () => {
    expect(utmOfLanding('/products/x?utm_source=xhs&utm_medium=social&utm_campaign=618')).toEqual({ utmSource: 'xhs', utmMedium: 'social', utmCampaign: '618' });
    expect(utmOfLanding(null)).toEqual({ utmSource: null, utmMedium: null, utmCampaign: null });
  });
});
