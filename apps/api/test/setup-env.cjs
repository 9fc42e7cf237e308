// Quiet, fast settings for every integration spec; the database URL comes from global-setup.
process.env.LOG_LEVEL = 'silent';
process.env.LOGIN_SLOWDOWN_MS = '20';
// Sessions are looked up on every request, so tests that change a session see it at once;
// auth.integration-spec starts its own app with the cache on to test it.
process.env.SESSION_CACHE_MS = '0';
// Fixed, test-only CPR keys (32 zero-ish bytes): test data is fictional.
process.env.CPR_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
process.env.CPR_HASH_KEY = Buffer.alloc(32, 9).toString('base64');
// Fixed, test-only key for stored files, and a storage directory outside the repository.
process.env.FILE_ENCRYPTION_KEY = Buffer.alloc(32, 11).toString('base64');
process.env.FILE_STORAGE_DIR = require('node:path').join(require('node:os').tmpdir(), 'mentor-test-files');
