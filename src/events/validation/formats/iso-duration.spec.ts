import { isIsoDuration } from './iso-duration';

describe('isIsoDuration', () => {
  it.each(['P13M', 'P25M', 'P90D', 'P2Y', 'P1Y6M', 'P2W', 'P3D', 'PT12H', 'PT90M', 'PT30S', 'P1DT12H', 'P0D', 'P100Y', 'P1200M'])('accepts %s', (text) => {
    expect(isIsoDuration(text)).toBe(true);
  });

  it.each(['', 'P', 'PT', 'P1DT', '13M', 'p13m', 'P1.5Y', 'P-1D', 'P1M2Y', 'PT1D', 'P 1D', 'P101Y', 'P1201M', 'P36525DT1H', 'P99999999999999999999D'])(
    'refuses %j',
    (text) => {
      expect(isIsoDuration(text)).toBe(false);
    },
  );
});
