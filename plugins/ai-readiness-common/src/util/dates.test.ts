import { formatDay, parseIsoDate } from './dates';

const viaDate = (day: number) =>
  new Date(day * 86400000).toISOString().slice(0, 10);

describe('formatDay', () => {
  it('prints the same date as Date for every day from 1900 to 2200', () => {
    const from = parseIsoDate('1900-01-01')!;
    const to = parseIsoDate('2200-12-31')!;
    let mismatches = 0;
    for (let day = from; day <= to; day++) {
      if (formatDay(day) !== viaDate(day)) mismatches++;
    }
    expect(to - from).toBeGreaterThan(100_000);
    expect(mismatches).toBe(0);
  });

  it('agrees with Date over years 0000 to 9999 and beyond, and round-trips with parseIsoDate', () => {
    // 0000-01-01 is day -719528, 9999-12-31 day 2932896.
    const samples = [-1, 0, 1, 59, 60, -719529, -719528, 2932896, 2932897];
    for (let day = -719528; day <= 2932896; day += 97) samples.push(day);
    const roundTrips: number[] = [];
    for (const day of samples) {
      const text = formatDay(day);
      expect(text).toBe(viaDate(day));
      // parseIsoDate reads four-digit years from 1000 on.
      if (text >= '1000' && text < '9999-99') roundTrips.push(day);
    }
    expect(roundTrips.length).toBeGreaterThan(25_000);
    expect(
      roundTrips.filter(day => parseIsoDate(formatDay(day)) !== day),
    ).toEqual([]);
  });
});
