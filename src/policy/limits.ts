import { z } from 'zod';

/** Sane bounds on facts: no tour costs more, and no trip has more shopping stops. */
export const maxMoney = 10_000_000;
export const maxCount = 100;

export const moneySchema = z.number().min(0, 'must not be negative').max(maxMoney, `must be at most ${maxMoney.toLocaleString('en')}`);
export const countSchema = z.number().int('must be a whole number').min(0, 'must not be negative').max(maxCount, `must be at most ${maxCount}`);
