// The Vietnamese lunar calendar, after Hồ Ngọc Đức's published algorithm ("Thuật toán tính âm lịch"): new moons
// and the sun's longitude from Meeus' formulas, months starting on the day of the new moon and the leap month
// being the first without a major solar term, all reckoned in Vietnam's time zone (UTC+7). The Chinese calendar
// reckons the same at UTC+8, which is why the two differ in some years (Tết 1985: 21/1 in Vietnam, 20/2 in China).
// No npm package for it is maintained and typed (amlich 0.0.2, lunar-date-vn 1.0.6 were looked at), hence this file.

const VIETNAM_TIME_ZONE = 7;
/** Julian day number of 1970-01-01, to go between 'YYYY-MM-DD' (through UTC) and the algorithm's day numbers. */
const JDN_OF_UNIX_EPOCH = 2_440_588;
const MS_PER_DAY = 86_400_000;
const DR = Math.PI / 180;

export interface LunarDate {
  day: number;
  month: number; // 1–12
  year: number;
  leap: boolean;
}

/** Julian day number of a Gregorian date. */
export function julianDayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + JDN_OF_UNIX_EPOCH;
}

/** 'YYYY-MM-DD' of a Julian day number. */
export function isoFromJulianDayNumber(jdn: number): string {
  return new Date((jdn - JDN_OF_UNIX_EPOCH) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The moment (Julian date, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DR);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // the sun's mean anomaly
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // the moon's mean anomaly
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // the moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * t) * Math.sin(m * DR) + 0.0021 * Math.sin(2 * DR * m);
  c1 = c1 - 0.4068 * Math.sin(mpr * DR) + 0.0161 * Math.sin(DR * 2 * mpr);
  c1 -= 0.0004 * Math.sin(DR * 3 * mpr);
  c1 = c1 + 0.0104 * Math.sin(DR * 2 * f) - 0.0051 * Math.sin(DR * (m + mpr));
  c1 = c1 - 0.0074 * Math.sin(DR * (m - mpr)) + 0.0004 * Math.sin(DR * (2 * f + m));
  c1 = c1 - 0.0004 * Math.sin(DR * (2 * f - m)) - 0.0006 * Math.sin(DR * (2 * f + mpr));
  c1 = c1 + 0.001 * Math.sin(DR * (2 * f - mpr)) + 0.0005 * Math.sin(DR * (2 * mpr + m));
  const deltaT = t < -11
    ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd1 + c1 - deltaT;
}

/** Day number (local to the time zone) of the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + VIETNAM_TIME_ZONE / 24);
}

/** The sun's apparent longitude (radians, 0–2π) at a Julian date. */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525;
  const t2 = t * t;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DR * m);
  dl = dl + (0.019993 - 0.000101 * t) * Math.sin(DR * 2 * m) + 0.00029 * Math.sin(DR * 3 * m);
  const l = (l0 + dl) * DR;
  return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
}

/** Which of the 12 major solar terms' sectors (0–11) the sun is in at the start of a local day. */
function sunSector(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - VIETNAM_TIME_ZONE / 24) / Math.PI) * 6);
}

/** First day of the 11th lunar month (the one holding the winter solstice) of a Gregorian year. */
function lunarMonth11(year: number): number {
  const off = julianDayNumber(year, 12, 31) - 2415021;
  const k = Math.floor(off / 29.530588853);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Months after the 11th month at a11 until the leap month (the first month without a major term). */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The Vietnamese lunar date of a Gregorian date. */
export function toLunar(year: number, month: number, day: number): LunarDate {
  const dayNumber = julianDayNumber(year, month, day);
  const k = Math.floor((dayNumber - 2415021.076998695) / 29.530588853);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  let a11 = lunarMonth11(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1);
  }
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { day: dayNumber - monthStart + 1, month: lunarMonth, year: lunarYear, leap };
}

/**
 * The Gregorian date ('YYYY-MM-DD') of a Vietnamese lunar date; undefined when the month asked as leap is not the
 * year's leap month.
 */
export function fromLunar(lunar: LunarDate): string | undefined {
  const { day, month, year, leap } = lunar;
  const [a11, b11] = month < 11 ? [lunarMonth11(year - 1), lunarMonth11(year)] : [lunarMonth11(year), lunarMonth11(year + 1)];
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return undefined;
  }
  return isoFromJulianDayNumber(newMoonDay(k + off) + day - 1);
}

/** The first day of the lunar year that begins in a Gregorian year (Tết Nguyên Đán). */
export function lunarNewYear(year: number): string {
  return fromLunar({ day: 1, month: 1, year, leap: false }) as string;
}
