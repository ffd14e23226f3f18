/** A sum of money, currency as ISO 4217 (CNY, HKD, TWD, USD, EUR…). */
export interface Money {
  amount: number;
  currency: string;
}
