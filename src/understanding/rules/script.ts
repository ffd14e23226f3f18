import * as OpenCC from 'opencc-js';

// Converters are costly to build (tens of ms), so each is built once at module load.

/** Traditional (Hong Kong and Taiwan variants alike) to simplified, so one keyword table serves both scripts. */
export const toSimplified = OpenCC.ConverterFactory(OpenCC.Locale.from.hk, OpenCC.Locale.from.tw, OpenCC.Locale.to.cn);

/** Simplified to traditional as written in Taiwan and in Hong Kong; a character changed by both is simplified-only. */
export const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
export const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });
