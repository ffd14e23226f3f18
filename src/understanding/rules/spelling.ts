/**
 * Corrects one-letter English typos ("hotle", "refnd", "compensaton") of the
 * long, distinctive words the keyword tables rely on, by symmetric deletion:
 * two words are one edit apart when they share a form with one letter deleted.
 * Only words that are not themselves real words near a keyword are touched.
 */
const KEYWORDS = [
  'hotel', 'refund', 'refunded', 'compensation', 'compensate', 'hospital', 'ambulance', 'accident',
  'injured', 'supervisor', 'complaint', 'complained', 'itinerary', 'restaurant', 'cancelled', 'passport',
  'schedule', 'breakfast', 'luggage', 'baggage', 'stolen', 'attraction', 'attractions', 'shopping',
  'terrible', 'disgusting', 'horrible', 'overbooked', 'cockroach', 'cockroaches', 'dirty', 'filthy',
  'guide', 'unacceptable', 'delayed', 'manager', 'lawyer', 'tourism', 'bureau', 'stranded', 'missing',
  'emergency', 'bleeding', 'harassment', 'harassing', 'privacy', 'deposit', 'overcharged', 'contract',
  'booking', 'departure', 'transfer', 'airport',
];

// Real words one edit from a keyword: left alone.
const REAL = new Set([
  'manage', 'manages', 'managed', 'layer', 'lawyers', 'hotels', 'hotly', 'guided', 'guides', 'guise',
  'guile', 'bureaus', 'delays', 'refunds', 'complains', 'mission', 'deposits', 'contracts', 'bookings',
  'airports', 'transfers', 'attractive', 'complaints', 'passports', 'schedules', 'accidents', 'hospitals',
  'tourist', 'tourists',
]);

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

const exact = new Set(KEYWORDS);
const byDeletion = new Map<string, string>();
for (const k of KEYWORDS) {
  byDeletion.set(k, k);
  for (const d of deletions(k)) if (!byDeletion.has(d)) byDeletion.set(d, k);
}

function correct(word: string): string {
  if (word.length < 5 || exact.has(word) || REAL.has(word)) return word;
  const direct = byDeletion.get(word);
  if (direct !== undefined) return direct;
  for (const d of deletions(word)) {
    const k = byDeletion.get(d);
    if (k !== undefined && Math.abs(k.length - word.length) <= 1) return k;
  }
  return word;
}

/** `text` is folded (lower-case ASCII words). */
export function correctSpelling(text: string): string {
  return text.replace(/(?<![a-z'])[a-z]{5,14}(?![a-z'])/g, correct);
}
