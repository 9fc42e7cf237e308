// Quiet, fast settings for every integration spec; the database URL comes from global-setup.
process.env.LOG_LEVEL = 'silent';
process.env.LOGIN_SLOWDOWN_MS = '20';
// Fixed, test-only CPR keys (32 zero-ish bytes): test data is fictional.
process.env.CPR_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
process.env.CPR_HASH_KEY = Buffer.alloc(32, 9).toString('base64');
