import type { Masked } from './mask.ts';

// Written with or without the country code and with spaces or dashes anywhere; stored in E.164.
const CN_MOBILE = /(?<![\d+])(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d){8})(?![\d])/g;
const HK = /(?:\+852|\(852\)|(?<![\d+])852(?=[\s-]))[\s-]?([2-9]\d{3}[\s-]?\d{4})(?!\d)/g;
const INTERNATIONAL = /\+(\d{1,3})[\s-]?(\d(?:[\s-]?\d){6,12})(?!\d)/g;

const digits = (s: string | undefined): string => (s ?? '').replace(/\D/g, '');

export function takePhones(m: Masked): string[] {
  return [
    ...m.collect(CN_MOBILE, (x) => `+86${digits(x[1])}`),
    ...m.collect(HK, (x) => `+852${digits(x[1])}`),
    ...m.collect(INTERNATIONAL, (x) => `+${x[1] ?? ''}${digits(x[2])}`),
  ];
}
