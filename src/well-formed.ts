/** Half of a surrogate pair with no other half: not text, and no storage keeps it. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with its lone surrogates removed (rather than replaced, as `toWellFormed` would). */
export const withoutLoneSurrogates = (text: string): string => (text.isWellFormed() ? text : text.replace(loneSurrogate, ''));
