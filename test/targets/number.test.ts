import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseNumber } from '../../shared/targets';

describe('parseNumber', () => {
  it.each<[string | number | null, number]>([
    ['1,200', 1200],
    ['1.5', 1.5],
    ['１２００', 1200],
    ['１，２００', 1200],
    ['27.6%', 27.6],
    ['２７．６％', 27.6],
    ['三', 3],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十五', 25],
    ['三百', 300],
    ['零', 0],
    ['一百零五', 105],
    ['两千五百', 2500],
    ['三万五千', 35000],
    ['一亿五千万', 150000000],
    ['42万', 420000],
    ['1.5亿', 150000000],
    ['2.3万', 23000],
    ['3千', 3000],
    ['1200人次', 1200],
    ['约500人', 500],
    ['80人次以上', 80],
    [' 50 ', 50],
    [50, 50],
    [0.5, 0.5],
  ])('%s → %s', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it.each<[unknown]>([
    [''],
    ['   '],
    ['十四五'],
    ['二〇二五'],
    ['万'],
    ['千'],
    ['abc'],
    ['约'],
    ['2025年'],
    ['第37届'],
    ['3+2'],
    ['5G'],
    ['已完成'],
    [null],
    [undefined],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
  ])('%s → null', (text) => {
    expect(parseNumber(text as string)).toBeNull();
  });
});

describe('parseChineseNumeral', () => {
  it.each<[string, number | null]>([
    ['九', 9],
    ['十九', 19],
    ['九十九', 99],
    ['一千零一', 1001],
    ['十万', 100000],
    ['十四五', null],
    ['百', null],
    ['一十一五', null],
    ['x', null],
  ])('%s → %s', (s, v) => {
    expect(parseChineseNumeral(s)).toBe(v);
  });
});
