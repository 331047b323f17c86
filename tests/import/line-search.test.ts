// Unit tests for line-search: the nearest line with text (skipping removed lines, within a limit) and the sorted-list lookup.
import { describe, expect, it } from 'vitest';
import { firstAtOrAfter, nearestTextLine } from '../../src/import/line-search.ts';
import { toLines } from '../../src/import/read-raw.ts';

describe('nearestTextLine', () => {
  const lines = toLines('甲\n\n乙\n丙\n\n\n丁');
  it('skips blank and removed lines, either way', () => {
    expect(nearestTextLine(lines, 3, -1, new Map())?.text).toBe('乙');
    expect(nearestTextLine(lines, 3, -1, new Map([[2, true]]))?.text).toBe('甲');
    expect(nearestTextLine(lines, 3, 1, new Map())?.text).toBe('丁');
  });
  it('stops at either end and at the limit (counted in lines, blank and removed ones too)', () => {
    expect(nearestTextLine(lines, 0, -1, new Map())).toBeUndefined();
    expect(nearestTextLine(lines, 6, 1, new Map())).toBeUndefined();
    expect(nearestTextLine(lines, 3, 1, new Map(), 2)).toBeUndefined();
    expect(nearestTextLine(lines, 3, 1, new Map(), 3)?.text).toBe('丁');
  });
});

describe('firstAtOrAfter', () => {
  const items = [{ index: 2 }, { index: 5 }, { index: 5 }, { index: 9 }];
  it('finds the first item at or after a line, or the length when none is', () => {
    expect(firstAtOrAfter(items, 0)).toBe(0);
    expect(firstAtOrAfter(items, 2)).toBe(0);
    expect(firstAtOrAfter(items, 3)).toBe(1);
    expect(firstAtOrAfter(items, 5)).toBe(1);
    expect(firstAtOrAfter(items, 9)).toBe(3);
    expect(firstAtOrAfter(items, 10)).toBe(4);
    expect(firstAtOrAfter([], 1)).toBe(0);
  });
});
