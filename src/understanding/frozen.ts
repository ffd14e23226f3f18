/**
 * The SHA-256 of corpus/test as frozen before any model was trained (see `testDigest`). The test
 * split is never edited: a changed digest makes `tripcare eval` and the regression test refuse it.
 */
export const frozenTestDigest = 'e04593784741bf0d9bfbe7ab851c36d6ad92be39d4f680856a0fcaa84ad4a99a';
